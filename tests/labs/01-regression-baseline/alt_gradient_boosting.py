"""Histogram gradient boosting on log price, with ordinal-encoded categories: also correct."""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit(train_df):
    features = train_df.drop(columns=["Sale_Price", "rownames"])
    encode = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-1),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    model = make_pipeline(encode, HistGradientBoostingRegressor(
        max_iter=300, learning_rate=0.08, random_state=0))
    return model.fit(features, np.log10(train_df["Sale_Price"]))


def predict(model, df):
    return 10 ** model.predict(df.drop(columns=["Sale_Price", "rownames"], errors="ignore"))


model = fit(train)
