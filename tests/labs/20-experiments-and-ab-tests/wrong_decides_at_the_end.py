"""Decides with the final look, then reports the first look where |z| crossed 1.96 as the stop:
the answer at an early look depends on data that arrived later.

loses: q3_tests
"""
# %% q3
def stopping_rule(conv_a, conv_b, n):
    z = z_by_look(conv_a, conv_b, n)
    crossed = np.abs(z) >= 1.96
    significant = crossed[:, -1]
    return np.where(significant, crossed.argmax(axis=1), -1)
