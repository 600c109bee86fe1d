"""Fits log price but forgets to convert predictions back to dollars.

loses: q3_tests q3_robust_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Sale_Price", "rownames"])
    preprocess = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         make_column_selector(dtype_include="number")),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore")),
         make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, Ridge(alpha=10.0))
    return model.fit(features, np.log10(train_df["Sale_Price"]))


def predict(model, df):
    return model.predict(df.drop(columns=["Sale_Price", "rownames"], errors="ignore"))


model = fit(train)
