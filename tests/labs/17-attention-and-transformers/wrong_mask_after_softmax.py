"""The mask multiplies the weights after the softmax: masked keys get 0, rows no longer sum to 1.

loses: q2_tests q3_tests
"""
# %% q2
def causal_mask(T):
    return np.tril(np.ones((T, T), dtype=bool))


def attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = softmax(scores, axis=-1)
    if mask is not None:
        weights = weights * mask
    return weights @ v, weights
