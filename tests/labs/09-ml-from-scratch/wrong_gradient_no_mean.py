"""Averages the loss but sums the gradient (no 1/n): the gradient is n times too large, so
finite differences disagree and the effective learning rate explodes.

loses: q1_tests q2_tests
"""
# %% q1
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_loss_and_gradient(w, b, X, y):
    z = X @ w + b
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    error = sigmoid(z) - y
    return float(loss), X.T @ error, float(np.sum(error))
