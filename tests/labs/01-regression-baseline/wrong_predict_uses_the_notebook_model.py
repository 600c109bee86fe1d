"""predict ignores the model it is handed and uses the notebook's own `model` (fitted on the
notebook's train rows, many of which the grader scores): the numbers look fine, the contract is
broken.

loses: q3_tests
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
    return make_pipeline(preprocess, Ridge(alpha=10.0)).fit(
        features, np.log10(train_df["Sale_Price"]))


def predict(_model, df):
    features = df.drop(columns=["Sale_Price", "rownames"], errors="ignore")
    return 10 ** model.predict(features)  # the notebook's model, not the one given


model = fit(train)
