"""Writes the gradient as X^T (y - p) / n, the sign flipped: every descent step climbs the loss.

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
    error = y - sigmoid(z)
    return float(loss), X.T @ error / len(y), float(np.mean(error))
