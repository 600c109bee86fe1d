"""Scores every setting on the notebook's test bookings (a PredefinedSplit): the test set has
become part of the tuning.

loses: q2_tests
"""
# %% q2
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import PredefinedSplit, RandomizedSearchCV
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
    space = {
        "histgradientboostingregressor__learning_rate": loguniform(0.05, 0.3),
        "histgradientboostingregressor__max_leaf_nodes": randint(15, 64),
    }
    both = pd.concat([train_df, test], ignore_index=True)
    folds = PredefinedSplit([-1] * len(train_df) + [0] * len(test))  # validate on the test rows
    search = RandomizedSearchCV(model, space, n_iter=budget, scoring="neg_mean_absolute_error",
                                cv=folds, random_state=0)
    return search.fit(features(both), both[TARGET])


search = tune(train.sample(3000, random_state=0), budget=3)
