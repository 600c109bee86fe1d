"""The pooled standard error in the confidence interval too: the interval assumes the two rates
are equal, the very thing it should measure.

loses: q1_tests
"""
# %% q1
def two_proportion_test(conv_a, n_a, conv_b, n_b, alpha=0.05):
    p_a, p_b = conv_a / n_a, conv_b / n_b
    pooled = (conv_a + conv_b) / (n_a + n_b)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (p_b - p_a) / se
    half = stats.norm.ppf(1 - alpha / 2) * se
    return {"diff": float(p_b - p_a), "z": float(z), "p_value": float(2 * stats.norm.sf(abs(z))),
            "ci_low": float(p_b - p_a - half), "ci_high": float(p_b - p_a + half)}


resume_test = two_proportion_test(groups.loc["afam", "callbacks"], groups.loc["afam", "sent"],
                                  groups.loc["cauc", "callbacks"], groups.loc["cauc", "sent"])
