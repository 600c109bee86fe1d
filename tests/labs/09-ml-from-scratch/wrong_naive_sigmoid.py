"""The textbook sigmoid 1 / (1 + e^-z) and a log-loss on clipped probabilities: right for
moderate logits, but e^1000 overflows and clipping caps the cost of a confident mistake.

loses: q1_stable_tests
"""
# %% q1
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def log_loss_and_gradient(w, b, X, y):
    p = np.clip(sigmoid(X @ w + b), 1e-15, 1 - 1e-15)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    error = p - y
    return float(loss), X.T @ error / len(y), float(np.mean(error))
