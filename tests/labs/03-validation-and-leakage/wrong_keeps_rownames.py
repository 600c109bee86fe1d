"""Keeps every column, rownames included: the row number becomes a feature.

loses: q1_leak_tests
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Class"])
    preprocess = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20),
         make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, LogisticRegression(C=0.1, max_iter=2000))
    return model.fit(features, (train_df["Class"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Class"], errors="ignore"))[:, 1]


model = fit(train)
