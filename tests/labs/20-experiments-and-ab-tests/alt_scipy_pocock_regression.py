"""SciPy's chi2_contingency for the test, the pooled-variance sample-size formula, a Pocock
boundary calibrated by simulation, CUPED as a regression (y on treated and centred y_pre), an
exact binomial SRM test and a bootstrap loop over roc_auc_score: also right."""
# %% q1
def two_proportion_test(conv_a, n_a, conv_b, n_b, alpha=0.05):
    chi2, p_value, _, _ = stats.chi2_contingency(
        [[conv_a, n_a - conv_a], [conv_b, n_b - conv_b]], correction=False)
    p_a, p_b = conv_a / n_a, conv_b / n_b
    diff = p_b - p_a
    half = stats.norm.ppf(1 - alpha / 2) * np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    return {"diff": float(diff), "z": float(np.sign(diff) * np.sqrt(chi2)),
            "p_value": float(p_value), "ci_low": float(diff - half),
            "ci_high": float(diff + half)}


a, b = groups.loc["afam"], groups.loc["cauc"]
resume_test = two_proportion_test(a["callbacks"], a["sent"], b["callbacks"], b["sent"])
# %% q2
import math


def sample_size_per_arm(p_a, p_b, alpha=0.05, power=0.8):
    bar = (p_a + p_b) / 2
    top = (stats.norm.ppf(1 - alpha / 2) * math.sqrt(2 * bar * (1 - bar))
           + stats.norm.ppf(power) * math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b)))
    return math.ceil(top ** 2 / (p_b - p_a) ** 2)


n_per_arm = sample_size_per_arm(rate_a, rate_b)
# %% q3
def stopping_rule(conv_a, conv_b, n):
    t = np.asarray(n, dtype=float) / n[-1]
    rng = np.random.default_rng(123)
    walks = np.cumsum(rng.standard_normal((30_000, len(t))) * np.sqrt(np.diff(t, prepend=0.0)),
                      axis=1)
    bar = np.quantile((np.abs(walks) / np.sqrt(t)).max(axis=1), 0.95)   # one bar for every look
    crossed = np.abs(z_by_look(conv_a, conv_b, n)) >= bar
    first = crossed.argmax(axis=1)
    return np.where(crossed.any(axis=1), first, -1).astype(np.int64)
# %% q4
def cuped_effect(df):
    x = df["y_pre"].to_numpy(dtype=float)
    design = np.column_stack([np.ones(len(df)), df["treated"].to_numpy(dtype=float),
                              x - x.mean()])
    y = df["y"].to_numpy(dtype=float)
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    sigma2 = resid @ resid / (len(y) - 3)
    cov = sigma2 * np.linalg.inv(design.T @ design)
    return {"effect": float(coef[1]), "se": float(np.sqrt(cov[1, 1]))}
# %% q5
def srm_check(log, alpha=0.05):
    per_user = log.groupby("user_id")["arm"].first()
    users_a, users_b = int((per_user == "A").sum()), int((per_user == "B").sum())
    p_value = stats.binomtest(users_a, users_a + users_b, 0.5).pvalue
    return {"users_a": users_a, "users_b": users_b, "p_value": float(p_value),
            "mismatch": p_value < alpha}
# %% q6
def paired_bootstrap_auc(y, score_a, score_b, n_boot=1000, seed=0):
    y, score_a, score_b = np.asarray(y), np.asarray(score_a), np.asarray(score_b)
    rng = np.random.default_rng(seed)
    diffs = np.empty(n_boot)
    for i in range(n_boot):
        rows = rng.integers(0, len(y), len(y))
        diffs[i] = roc_auc_score(y[rows], score_b[rows]) - roc_auc_score(y[rows], score_a[rows])
    diff = roc_auc_score(y, score_b) - roc_auc_score(y, score_a)
    return {"diff": float(diff), "ci_low": float(np.percentile(diffs, 2.5)),
            "ci_high": float(np.percentile(diffs, 97.5))}


offline = paired_bootstrap_auc(y_offline, score_a, score_b, n_boot=500)
