"""The total over both arms returned as the size per arm: twice the users the test needs.

loses: q2_tests
"""
# %% q2
def sample_size_per_arm(p_a, p_b, alpha=0.05, power=0.8):
    z_alpha = stats.norm.ppf(1 - alpha / 2)
    z_power = stats.norm.ppf(power)
    variance = p_a * (1 - p_a) + p_b * (1 - p_b)
    return 2 * int(np.ceil((z_alpha + z_power) ** 2 * variance / (p_b - p_a) ** 2))


n_per_arm = sample_size_per_arm(rate_a, rate_b)
