"""Ranks columns by how well each one alone separates churners (univariate ROC-AUC): that is the
column's relation to the target, not what the model relies on.

loses: q5_tests
"""
# %% q5
def importance(model, df, n_repeats=3, seed=0):
    truth = (df["churn"] == "yes").astype(int)
    rows = df.drop(columns=["churn"])
    scores = {}
    for column in rows.columns:
        values = rows[column]
        if values.dtype == object:
            values = values.map(truth.groupby(values).mean())
        scores[column] = abs(roc_auc_score(truth, values) - 0.5)
    return pd.Series(scores).sort_values(ascending=False)


ranking = importance(best_model, test)
