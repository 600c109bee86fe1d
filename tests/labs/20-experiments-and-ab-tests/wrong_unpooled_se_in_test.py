"""The unpooled standard error in the z-statistic: the test no longer uses what H0 says, one rate
for both arms (it differs from SciPy's chi-square when the arms differ in size).

loses: q1_tests
"""
# %% q1
def two_proportion_test(conv_a, n_a, conv_b, n_b, alpha=0.05):
    p_a, p_b = conv_a / n_a, conv_b / n_b
    se = np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    z = (p_b - p_a) / se
    half = stats.norm.ppf(1 - alpha / 2) * se
    return {"diff": float(p_b - p_a), "z": float(z), "p_value": float(2 * stats.norm.sf(abs(z))),
            "ci_low": float(p_b - p_a - half), "ci_high": float(p_b - p_a + half)}


resume_test = two_proportion_test(groups.loc["afam", "callbacks"], groups.loc["afam", "sent"],
                                  groups.loc["cauc", "callbacks"], groups.loc["cauc", "sent"])
