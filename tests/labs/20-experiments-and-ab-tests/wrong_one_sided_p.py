"""A one-sided p-value (stats.norm.sf(z)) reported for a two-sided question: half the p-value
when B wins, near 1 when B loses.

loses: q1_tests
"""
# %% q1
def two_proportion_test(conv_a, n_a, conv_b, n_b, alpha=0.05):
    p_a, p_b = conv_a / n_a, conv_b / n_b
    pooled = (conv_a + conv_b) / (n_a + n_b)
    z = (p_b - p_a) / np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    se = np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    half = stats.norm.ppf(1 - alpha / 2) * se
    return {"diff": float(p_b - p_a), "z": float(z), "p_value": float(stats.norm.sf(z)),
            "ci_low": float(p_b - p_a - half), "ci_high": float(p_b - p_a + half)}


resume_test = two_proportion_test(groups.loc["afam", "callbacks"], groups.loc["afam", "sent"],
                                  groups.loc["cauc", "callbacks"], groups.loc["cauc", "sent"])
