"""Stops at the first look with |z| >= 1.96: a false-positive rate near 0.24 instead of 0.05.

loses: q3_tests
"""
# %% q3
def stopping_rule(conv_a, conv_b, n):
    crossed = np.abs(z_by_look(conv_a, conv_b, n)) >= 1.96
    return np.where(crossed.any(axis=1), crossed.argmax(axis=1), -1)
