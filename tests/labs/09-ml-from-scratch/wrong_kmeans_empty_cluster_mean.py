"""Every centroid becomes the mean of its rows, even when it has none: an empty cluster's
centroid turns into nan instead of keeping its previous place.

loses: q4_tests
"""
# %% q4
def kmeans(X, initial_centroids, iterations=100):
    X = np.asarray(X, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    labels = None
    for _ in range(iterations):
        squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        new_labels = squared.argmin(axis=1)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        with np.errstate(invalid="ignore", divide="ignore"):
            centroids = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
    return labels, centroids


X_iris_std = (X_iris - X_iris.mean(axis=0)) / X_iris.std(axis=0)
iris_labels, iris_centroids = kmeans(X_iris_std, X_iris_std[[0, 50, 100]])
from sklearn.metrics import adjusted_rand_score
print(f"agreement with the species (ARI): {adjusted_rand_score(y_iris, iris_labels):.3f}")
