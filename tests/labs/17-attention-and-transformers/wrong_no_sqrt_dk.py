"""Attention without the 1/sqrt(d_k) scaling: right only where the softmax saturates anyway.

loses: q2_tests q3_tests q6_tests
"""
# %% q2
def causal_mask(T):
    return np.tril(np.ones((T, T), dtype=bool))


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ v, weights
