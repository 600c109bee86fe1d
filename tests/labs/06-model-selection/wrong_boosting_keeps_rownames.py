"""Boosted trees on every numeric column, rownames included: the row id becomes a feature, and
renumbered customers get different predictions.

loses: q4_robust_tests
"""
# %% q4
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.preprocessing import OrdinalEncoder


def fit_best(train_df):
    numbers = list(train_df.select_dtypes("number").columns)  # rownames is a number too
    encode = ColumnTransformer([
        ("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
         ["state", "area_code", "international_plan", "voice_mail_plan"]),
        ("numbers", "passthrough", numbers),
    ])
    boosted = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1,
                                             max_leaf_nodes=15, random_state=0)
    return make_pipeline(encode, boosted).fit(train_df, (train_df["churn"] == "yes").astype(int))


best_model = fit_best(train)
