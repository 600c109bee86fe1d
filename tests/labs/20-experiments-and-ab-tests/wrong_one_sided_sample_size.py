"""Sample size with a one-sided quantile z_{1-alpha}: about 20 % too few users for the two-sided
test that will be run (891 instead of 1,129 per arm for the résumé rates).

loses: q2_tests
"""
# %% q2
def sample_size_per_arm(p_a, p_b, alpha=0.05, power=0.8):
    z_alpha = stats.norm.ppf(1 - alpha)
    z_power = stats.norm.ppf(power)
    variance = p_a * (1 - p_a) + p_b * (1 - p_b)
    return int(np.ceil((z_alpha + z_power) ** 2 * variance / (p_b - p_a) ** 2))


n_per_arm = sample_size_per_arm(rate_a, rate_b)
