"""Stops boosting on 1,000 of the notebook's test bookings that the function keeps in a default
argument (bound once, when the function is defined): the stopping round is chosen on test rows
that no name of the notebook holds while the function runs.

loses: q3_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit_with_early_stopping(train_df, stopping_rows=test.sample(1000, random_state=0)):  # noqa: B008
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    X = encode.fit_transform(features(train_df))
    booster = HistGradientBoostingRegressor(max_iter=2000, learning_rate=0.15,
                                            early_stopping=True, random_state=0)
    booster.fit(X, train_df[TARGET], X_val=encode.transform(features(stopping_rows)),
                y_val=stopping_rows[TARGET])
    return Pipeline([("encode", encode), ("booster", booster)])


es_model = fit_with_early_stopping(train)
