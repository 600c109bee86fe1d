"""Shuffles with NumPy's global random state and never uses seed: the importances change from one
call to the next, so nobody can reproduce the ranking.

loses: q5_tests
"""
# %% q5
def importance(model, df, n_repeats=3, seed=0):
    truth = df["churn"].eq("yes").astype(int)
    rows = df.drop(columns=["churn"])
    baseline = roc_auc_score(truth, churn_proba(model, rows))
    drops = {}
    for column in rows.columns:
        shuffled_scores = []
        for _ in range(n_repeats):
            shuffled = rows.copy()
            shuffled[column] = np.random.permutation(shuffled[column].to_numpy())
            shuffled_scores.append(roc_auc_score(truth, churn_proba(model, shuffled)))
        drops[column] = baseline - float(np.mean(shuffled_scores))
    return pd.Series(drops).sort_values(ascending=False)


ranking = importance(best_model, test)
