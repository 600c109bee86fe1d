"""Masked scores set to 0 instead of -inf: masked keys still get weight, so the future leaks in.

loses: q2_tests q3_tests
"""
# %% q2
def causal_mask(T):
    return np.tril(np.ones((T, T), dtype=bool))


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores * mask
    weights = softmax(scores, axis=-1)
    return weights @ v, weights
