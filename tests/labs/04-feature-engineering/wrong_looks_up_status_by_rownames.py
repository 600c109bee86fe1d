"""The reference pipeline, but applicants it recognises by rownames get the public data set's
label: perfect on the notebook's test, a lookup rather than a model.

loses: q3_tests q3_leak_tests
"""
# %% q3
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

_everyone = data.load("credit_data")
_known = dict(zip(_everyone["rownames"], (_everyone["Status"] == "bad").astype(float), strict=True))


def fit(train_df):
    model = make_pipeline(make_preprocessor(), LogisticRegression(max_iter=1000))
    features = train_df.drop(columns=["Status"])
    return model.fit(features, (train_df["Status"] == "bad").astype(int))


def predict_proba(model, df):
    p = model.predict_proba(df.drop(columns=["Status"], errors="ignore"))[:, 1]
    known = df["rownames"].map(_known).to_numpy(dtype=float)
    return np.where(np.isnan(known), p, 0.9 * known + 0.1 * p)


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
