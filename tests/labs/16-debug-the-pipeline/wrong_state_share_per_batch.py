"""Repairs the pipeline, then adds each loan's state encoded as that state's share of the loans
scored with it: a loan's prediction depends on the states of the other loans in the batch.

loses: q1_leak_tests
"""
# %% q1
def prepare(df):
    """Loans -> features (no outcome, no row id), plus how common the loan's state is."""
    X = df.drop(columns=["Class", "rownames"], errors="ignore").copy()
    X["state_share"] = X["addr_state"].map(X["addr_state"].value_counts(normalize=True))
    return X


def fit(train_df, C=0.1):
    from sklearn.compose import ColumnTransformer, make_column_selector
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    preprocess = ColumnTransformer([
        ("num", StandardScaler(), make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, LogisticRegression(C=C, max_iter=1000))
    return model.fit(prepare(train_df), train_df["Class"] == "bad")


def predict_proba(model, df):
    return model.predict_proba(prepare(df))[:, 1]


model = fit(train)
print(f"ROC-AUC on the test loans: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
