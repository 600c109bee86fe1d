"""The request path builds its own features from the dict (the columns, no log of the income):
train/serve skew that crashes nothing.

loses: q1_tests q4_latency_tests
"""
# %% q1
def featurize(df):
    X = df[NUMERIC + CATEGORICAL].copy()
    X["annual_inc"] = np.log1p(X["annual_inc"].astype(float))
    return X


def fit(train_df):
    encode = ColumnTransformer([("num", StandardScaler(), NUMERIC),
                                ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    model = make_pipeline(encode, LogisticRegression(C=0.1, max_iter=1000))
    return model.fit(featurize(train_df), train_df["Class"] == "bad")


def predict_batch(model, df):
    return model.predict_proba(featurize(df))[:, 1]


def predict_one(model, record):
    # the service's own, faster copy of the features: the fields the model needs, as one row
    row = pd.DataFrame([{field: record[field] for field in NUMERIC + CATEGORICAL}])
    return float(model.predict_proba(row)[0, 1])


model = fit(train)
print(f"test ROC-AUC {roc_auc_score(y_test, predict_batch(model, test)):.3f}; "
      f"request 0: P(bad) = {predict_one(model, requests[0]):.4f}")
