"""Attention whose softmax runs over the query axis: each key's weights sum to 1, not each query's.

loses: q2_tests q3_tests q6_tests
"""
# %% q2
def causal_mask(T):
    return np.tril(np.ones((T, T), dtype=bool))


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-2)
    weights = np.nan_to_num(weights)
    return weights @ v, weights
