"""Measures permutation importance as the drop in accuracy at a 0.5 threshold: with 14 % churn
most predictions stay "no" whatever is shuffled, so real signals can show no importance at all.

loses: q5_tests
"""
# %% q5
def importance(model, df, n_repeats=3, seed=0):
    rng = np.random.default_rng(seed)
    truth = (df["churn"] == "yes").astype(int).to_numpy()
    rows = df.drop(columns=["churn"])
    baseline = np.mean((churn_proba(model, rows) >= 0.5) == truth)
    drops = {}
    for column in rows.columns:
        accuracies = []
        for _ in range(n_repeats):
            shuffled = rows.copy()
            shuffled[column] = rng.permutation(shuffled[column].to_numpy())
            accuracies.append(np.mean((churn_proba(model, shuffled) >= 0.5) == truth))
        drops[column] = baseline - float(np.mean(accuracies))
    return pd.Series(drops).sort_values(ascending=False)


ranking = importance(best_model, test)
