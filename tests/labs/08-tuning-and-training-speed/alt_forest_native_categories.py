"""A shallow random forest for the fast fit; HistGradientBoosting with native categorical splits,
tuned over a random search with list-valued choices; early stopping on a validation slice split
off the training rows by hand.
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import RandomForestRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit_fast(train_df):
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    forest = RandomForestRegressor(n_estimators=60, max_depth=16, min_samples_leaf=2,
                                   max_features=0.5, random_state=0, n_jobs=1)
    return make_pipeline(encode, forest).fit(features(train_df), train_df[TARGET])


def predict(model, df):
    return model.predict(features(df))


model = fit_fast(train)
# %% q2
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import RandomizedSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def _native(booster):
    # Text columns become category codes first; the booster splits on them as categories.
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
          make_column_selector(dtype_include=object))],
        remainder="passthrough", verbose_feature_names_out=False)
    n_text = 9
    booster.set_params(categorical_features=list(range(n_text)))
    return make_pipeline(encode, booster)


def tune(train_df, budget=4):
    model = _native(HistGradientBoostingRegressor(max_iter=150, early_stopping=True,
                                                  random_state=1))
    space = {
        "histgradientboostingregressor__learning_rate": [0.05, 0.08, 0.12, 0.2, 0.3],
        "histgradientboostingregressor__max_leaf_nodes": [15, 31, 47, 63],
        "histgradientboostingregressor__l2_regularization": [0.0, 0.1, 1.0, 10.0],
    }
    search = RandomizedSearchCV(model, space, n_iter=budget, scoring="neg_mean_absolute_error",
                                cv=4, random_state=3)
    return search.fit(features(train_df), train_df[TARGET])


search = tune(train.sample(3000, random_state=0), budget=3)
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder


def fit_with_early_stopping(train_df):
    fit_rows, val_rows = train_test_split(train_df, test_size=0.15, random_state=0)
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    X_fit = encode.fit_transform(features(fit_rows))
    booster = HistGradientBoostingRegressor(max_iter=1500, learning_rate=0.1,
                                            early_stopping=True, n_iter_no_change=15,
                                            random_state=0)
    booster.fit(X_fit, fit_rows[TARGET],
                X_val=encode.transform(features(val_rows)), y_val=val_rows[TARGET])
    return Pipeline([("encode", encode), ("booster", booster)])


es_model = fit_with_early_stopping(train)
