"""Euclidean distances from the expansion ||q||² + ||x||² − 2 q·x, square-rooted as is: rounding
makes some squared distances slightly negative, their root is nan, and a row's own zero
distance drops to the end of the ranking.

loses: q3_tests
"""
# %% q3
def knn_predict(X_train, y_train, X_query, k=5):
    X_train, X_query = np.asarray(X_train, dtype=float), np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train)
    with np.errstate(invalid="ignore"):
        distances = np.sqrt((X_query ** 2).sum(axis=1)[:, None]
                            + (X_train ** 2).sum(axis=1)[None, :] - 2 * X_query @ X_train.T)
    nearest = np.argpartition(distances, k - 1, axis=1)[:, :k]
    votes = y_train[nearest]
    counts = (votes[:, :, None] == np.arange(y_train.max() + 1)).sum(axis=1)
    return counts.argmax(axis=1)


digits_pred = knn_predict(Xd_train, yd_train, Xd_test, k=5)
print(f"digits test accuracy {np.mean(digits_pred == yd_test):.3f}")
