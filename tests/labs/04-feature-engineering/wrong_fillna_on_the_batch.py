"""Fills numeric gaps with the median of whatever frame it is given: at prediction time that is
the scored batch, so an applicant's score depends on who else is in it.

loses: q3_leak_tests
"""
# %% q3
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def _filled(df):
    return df.fillna(df.median(numeric_only=True))


def fit(train_df):
    model = make_pipeline(make_preprocessor(), LogisticRegression(max_iter=1000))
    features = _filled(train_df.drop(columns=["Status"]))
    return model.fit(features, (train_df["Status"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(_filled(df.drop(columns=["Status"], errors="ignore")))[:, 1]


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
