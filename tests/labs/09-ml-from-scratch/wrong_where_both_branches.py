"""Picks the stable branch with np.where, but np.where computes both branches first: e^z still
overflows for z = 1000 (the result is right, the overflow warning is not).

loses: q1_stable_tests
"""
# %% q1
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))


def log_loss_and_gradient(w, b, X, y):
    z = X @ w + b
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    error = sigmoid(z) - y
    return float(loss), X.T @ error / len(y), float(np.mean(error))
