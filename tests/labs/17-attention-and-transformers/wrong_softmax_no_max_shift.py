"""A softmax without subtracting the maximum: right on small scores, inf / inf = nan past exp(709).

loses: q1_tests q2_tests
"""
# %% q1
def softmax(x, axis=-1):
    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum(axis=axis, keepdims=True)
