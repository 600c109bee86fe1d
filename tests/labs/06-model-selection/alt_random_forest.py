"""A random forest as the final model, and permutation importance from sklearn.inspection: also
correct."""
# %% q4
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import OrdinalEncoder


def fit_best(train_df):
    numbers = [c for c in train_df.select_dtypes("number").columns if c != "rownames"]
    encode = ColumnTransformer([
        ("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
         ["state", "area_code", "international_plan", "voice_mail_plan"]),
        ("numbers", "passthrough", numbers),
    ])
    forest = RandomForestClassifier(n_estimators=150, min_samples_leaf=2, random_state=0,
                                    n_jobs=1)
    return make_pipeline(encode, forest).fit(train_df, (train_df["churn"] == "yes").astype(int))


best_model = fit_best(train)
# %% q5
from sklearn.inspection import permutation_importance


def importance(model, df, n_repeats=3, seed=0):
    rows = df.drop(columns=["churn"])
    result = permutation_importance(model, rows, (df["churn"] == "yes").astype(int),
                                    scoring="roc_auc", n_repeats=n_repeats, random_state=seed)
    return pd.Series(result.importances_mean, index=rows.columns).sort_values(ascending=False)


ranking = importance(best_model, test)
