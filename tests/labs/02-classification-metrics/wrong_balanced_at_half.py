"""Reweights the classes with class_weight="balanced" and thresholds at 0.5: recall soars,
precision collapses below what the risk team can work with.

loses: q4_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = ColumnTransformer([
        ("num", StandardScaler(), ["balance", "income"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["student"]),
    ])
    model = make_pipeline(features, LogisticRegression(max_iter=1000, class_weight="balanced"))
    return model.fit(train_df, (train_df["default"] == "Yes").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df)[:, 1]


model = fit(train)
# %% q4
def choose_threshold(model, train_df):
    return 0.5


threshold = choose_threshold(model, train)
