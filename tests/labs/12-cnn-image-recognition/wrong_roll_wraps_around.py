"""Shifts with np.roll: what leaves one edge comes back on the other instead of being zero-filled.

loses: q2_tests
"""
# %% q2
def shift(images, dy, dx):
    return np.roll(images, (dy, dx), axis=(1, 2))
