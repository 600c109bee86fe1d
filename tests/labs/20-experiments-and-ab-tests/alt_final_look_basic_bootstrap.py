"""One look at the end at 1.96 (no peeking at all), CUPED with theta from np.polyfit and
per-arm groupby means, users counted with nunique, and a basic (pivot) bootstrap interval from a
vectorised paired resample: also right."""
# %% q3
def stopping_rule(conv_a, conv_b, n):
    z_final = z_by_look(conv_a, conv_b, n)[:, -1]
    return np.where(np.abs(z_final) >= stats.norm.ppf(0.975), len(n) - 1, -1)
# %% q4
def cuped_effect(df):
    theta = np.polyfit(df["y_pre"], df["y"], 1)[0]
    adjusted = df["y"] - theta * (df["y_pre"] - df["y_pre"].mean())
    by_arm = adjusted.groupby(df["treated"])
    means, variances, counts = by_arm.mean(), by_arm.var(), by_arm.size()
    return {"effect": float(means[1] - means[0]),
            "se": float(np.sqrt((variances / counts).sum()))}
# %% q5
def srm_check(log, alpha=0.05):
    users = log.groupby("arm")["user_id"].nunique()
    users_a, users_b = int(users.get("A", 0)), int(users.get("B", 0))
    expected = (users_a + users_b) / 2
    chi2 = ((users_a - expected) ** 2 + (users_b - expected) ** 2) / expected
    p_value = float(stats.chi2.sf(chi2, df=1))
    return {"users_a": users_a, "users_b": users_b, "p_value": p_value,
            "mismatch": p_value < alpha}
# %% q6
def paired_bootstrap_auc(y, score_a, score_b, n_boot=1000, seed=0):
    y, score_a, score_b = np.asarray(y), np.asarray(score_a), np.asarray(score_b)
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(y), size=(n_boot, len(y)))
    diffs = np.array([roc_auc_score(y[r], score_b[r]) - roc_auc_score(y[r], score_a[r])
                      for r in rows])
    diff = roc_auc_score(y, score_b) - roc_auc_score(y, score_a)
    low, high = np.quantile(diffs, [0.025, 0.975])
    return {"diff": float(diff), "ci_low": float(2 * diff - high),
            "ci_high": float(2 * diff - low)}


offline = paired_bootstrap_auc(y_offline, score_a, score_b, n_boot=500)
