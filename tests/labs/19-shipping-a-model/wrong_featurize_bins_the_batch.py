"""featurize cuts the income into deciles of the frame it is given (pd.qcut): fine on a big
batch, different bins for every batch, and a single request cannot be binned at all.

loses: q1_tests q4_latency_tests
"""
# %% q1
def featurize(df):
    X = df[NUMERIC + CATEGORICAL].copy()
    X["annual_inc"] = pd.qcut(X["annual_inc"], 10, labels=False, duplicates="drop").astype(float)
    return X


def fit(train_df):
    encode = ColumnTransformer([("num", StandardScaler(), NUMERIC),
                                ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    model = make_pipeline(encode, LogisticRegression(C=0.1, max_iter=1000))
    return model.fit(featurize(train_df), train_df["Class"] == "bad")


def predict_batch(model, df):
    return model.predict_proba(featurize(df))[:, 1]


def predict_one(model, record):
    return float(predict_batch(model, pd.DataFrame([record]))[0])


model = fit(train)
print(f"test ROC-AUC {roc_auc_score(y_test, predict_batch(model, test)):.3f}; "
      f"request 0: P(bad) = {predict_one(model, requests[0]):.4f}")
