"""Resamples each model's rows independently: the pairing of the two models' errors on the same
rows is lost and the interval comes out about twice as wide as it should.

loses: q6_tests
"""
# %% q6
def paired_bootstrap_auc(y, score_a, score_b, n_boot=1000, seed=0):
    y, score_a, score_b = (np.asarray(v) for v in (y, score_a, score_b))
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n_boot):
        rows_a = rng.integers(0, len(y), len(y))
        rows_b = rng.integers(0, len(y), len(y))
        diffs.append(roc_auc_score(y[rows_b], score_b[rows_b])
                     - roc_auc_score(y[rows_a], score_a[rows_a]))
    low, high = np.quantile(diffs, [0.025, 0.975])
    diff = roc_auc_score(y, score_b) - roc_auc_score(y, score_a)
    return {"diff": float(diff), "ci_low": float(low), "ci_high": float(high)}


offline = paired_bootstrap_auc(y_offline, score_a, score_b, n_boot=500)
