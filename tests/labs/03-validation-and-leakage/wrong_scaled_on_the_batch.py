"""Standardises each batch it scores with that batch's own mean and spread: the model's inputs,
and so one loan's prediction, depend on which other loans are scored with it.

loses: q1_leak_tests
"""
# %% q1
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def _numbers(df):
    return df.drop(columns=["Class", "rownames"], errors="ignore").select_dtypes("number")


def fit(train_df):
    X = StandardScaler().fit_transform(_numbers(train_df).fillna(0))
    return LogisticRegression(C=0.1, max_iter=2000).fit(X, (train_df["Class"] == "bad").astype(int))


def predict_proba(model, df):
    X = StandardScaler().fit_transform(_numbers(df).fillna(0))  # refitted on the scored rows
    return model.predict_proba(X)[:, 1]


model = fit(train)
