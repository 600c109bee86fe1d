"""Keeps the grade-and-state bad rate computed from the Class column of whatever frame it is
given: scored loans are rated with their own outcomes (and new applications cannot be scored).

loses: q1_target_tests
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def features(df):
    X = df.drop(columns=["Class", "rownames"])
    # How often loans of the same grade from the same state went bad.
    X["grade_state_bad_rate"] = (df["Class"] == "bad").groupby(
        [df["sub_grade"], df["addr_state"]]).transform("mean")
    return X


def fit(train_df, C=0.1):
    preprocess = ColumnTransformer([
        ("num", StandardScaler(), make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, LogisticRegression(C=C, max_iter=1000))
    return model.fit(features(train_df), train_df["Class"] == "bad")


def predict_proba(model, df):
    return model.predict_proba(features(df))[:, 1]


model = fit(train)
