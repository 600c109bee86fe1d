"""Fits the boosted trees on train_df and the notebook's test customers together ("more data is
better"): the test set, still in memory, becomes training data.

loses: q4_tests
"""
# %% q4
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.preprocessing import OrdinalEncoder

TEXT_COLUMNS = ["state", "area_code", "international_plan", "voice_mail_plan"]


def fit_best(train_df):
    rows = pd.concat([train_df, test])
    numbers = [c for c in rows.select_dtypes("number").columns if c != "rownames"]
    encode = ColumnTransformer([
        ("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
         TEXT_COLUMNS),
        ("numbers", "passthrough", numbers),
    ])
    boosted = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1,
                                             max_leaf_nodes=15, random_state=0)
    return make_pipeline(encode, boosted).fit(rows, rows["churn"].eq("yes").astype(int))


best_model = fit_best(train)
