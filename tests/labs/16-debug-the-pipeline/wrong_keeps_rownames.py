"""Puts everything in a pipeline but drops only Class: the row number rownames stays a feature.

loses: q1_id_tests
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
    return model.fit(train_df.drop(columns=["Class"]), train_df["Class"] == "bad")


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Class"], errors="ignore"))[:, 1]


model = fit(train)
