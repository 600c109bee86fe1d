"""Hands early stopping a validation set cut from the same rows the trees are fitted on (the
first 1,500 rows of train_df, which stay in the fit): the stopping round is scored on rows the
model has already seen.

loses: q3_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit_with_early_stopping(train_df):
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    X = encode.fit_transform(features(train_df))
    y = train_df[TARGET].to_numpy()
    booster = HistGradientBoostingRegressor(max_iter=2000, learning_rate=0.15,
                                            early_stopping=True, n_iter_no_change=5, tol=0.01,
                                            random_state=0)
    booster.fit(X, y, X_val=X[:1500], y_val=y[:1500])
    return Pipeline([("encode", encode), ("booster", booster)])


es_model = fit_with_early_stopping(train)
