"""Asks for 1,000 rounds with early stopping switched off: every round runs, nothing is chosen
from validation data.

loses: q3_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit_with_early_stopping(train_df):
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    booster = HistGradientBoostingRegressor(max_iter=1000, early_stopping=False, random_state=0)
    return make_pipeline(encode, booster).fit(features(train_df), train_df[TARGET])


es_model = fit_with_early_stopping(train)
