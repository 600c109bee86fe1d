"""Runs a small-looking grid (2 × 2 × 2 values) whatever the budget: 8 settings when 2 or 3 were
allowed.

loses: q2_tests
"""
# %% q2
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def tune(train_df, budget=4):
    encode = ColumnTransformer(
        [("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                 encoded_missing_value=-2),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    model = make_pipeline(encode, HistGradientBoostingRegressor(
        max_iter=150, early_stopping=True, random_state=0))
    grid = {
        "histgradientboostingregressor__learning_rate": [0.1, 0.2],
        "histgradientboostingregressor__max_leaf_nodes": [15, 31],
        "histgradientboostingregressor__min_samples_leaf": [10, 30],
    }
    search = GridSearchCV(model, grid, scoring="neg_mean_absolute_error", cv=3)
    return search.fit(features(train_df), train_df[TARGET])


search = tune(train.sample(3000, random_state=0), budget=3)
