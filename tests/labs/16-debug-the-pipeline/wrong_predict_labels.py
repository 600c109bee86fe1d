"""Repairs the features, but predict_proba still returns model.predict: 0/1 decisions at a 0.5
cut-off, which on a 5 % class are almost all 0 and rank nothing.

loses: q1_tests
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df, C=0.1):
    preprocess = ColumnTransformer([
        ("num", StandardScaler(), make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, LogisticRegression(C=C, max_iter=1000))
    return model.fit(train_df.drop(columns=["Class", "rownames"]), train_df["Class"] == "bad")


def predict_proba(model, df):
    return model.predict(df.drop(columns=["Class", "rownames"], errors="ignore")).astype(float)


model = fit(train)
