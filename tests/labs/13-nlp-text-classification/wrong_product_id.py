"""Learns from the product id instead of the text: every test product is new, so every review gets
the same probability.

loses: q3_tests, q3_robust_tests
"""
# %% q3
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder


def fit(train_df):
    model = make_pipeline(OneHotEncoder(handle_unknown="ignore"), LogisticRegression(max_iter=1000))
    return model.fit(train_df[["product"]], train_df["score"] == "great")


def predict_proba(model, df):
    return model.predict_proba(df[["product"]])[:, 1]


model = fit(train)
