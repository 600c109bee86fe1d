"""Keeps every column, rownames included: the row id becomes a feature.

loses: q2_tests
"""
# %% q2
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Purchase"])
    model = make_pipeline(StandardScaler(),
                          LogisticRegression(C=0.01, class_weight="balanced", max_iter=2000))
    return model.fit(features, (train_df["Purchase"] == "Yes").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Purchase"], errors="ignore"))[:, 1]


model = fit(train)
p_test = predict_proba(model, test)
