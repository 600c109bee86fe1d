"""Scores each setting on the same rows it was fitted on (one "fold" whose validation part is the
training part): the reported MAE is a training error, far below what unseen bookings give.

loses: q2_tests
"""
# %% q2
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import RandomizedSearchCV
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
    every_row = np.arange(len(train_df))
    search = RandomizedSearchCV(model, space, n_iter=budget, scoring="neg_mean_absolute_error",
                                cv=[(every_row, every_row)], random_state=0)
    return search.fit(features(train_df), train_df[TARGET])


search = tune(train.sample(3000, random_state=0), budget=3)
