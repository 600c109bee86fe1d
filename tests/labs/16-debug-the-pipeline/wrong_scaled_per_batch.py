"""Repairs the ids, the outcome feature and the probabilities, but still standardises each frame
with that frame's own mean and spread: a loan's prediction depends on the other loans scored with
it.

loses: q1_leak_tests
"""
# %% q1
def prepare(df):
    """Loans -> a numeric feature matrix (no outcome, no row id)."""
    X = pd.get_dummies(df.drop(columns=["Class", "rownames"], errors="ignore"), dtype=float)
    return (X - X.mean()) / (X.std() + 1e-9)  # standardise every column


def fit(train_df, C=0.1):
    X = prepare(train_df)
    model = LogisticRegression(C=C, max_iter=1000).fit(X, train_df["Class"] == "bad")
    model.columns_ = X.columns
    return model


def predict_proba(model, df):
    X = prepare(df).reindex(columns=model.columns_, fill_value=0)
    return model.predict_proba(X)[:, 1]


model = fit(train)
