"""Assigns every row to its nearest starting centroid and stops: the centroids never move.

loses: q4_tests
"""
# %% q4
def kmeans(X, initial_centroids, iterations=100):
    X = np.asarray(X, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    for _ in range(iterations):
        squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = squared.argmin(axis=1)
    return labels, centroids


X_iris_std = (X_iris - X_iris.mean(axis=0)) / X_iris.std(axis=0)
iris_labels, iris_centroids = kmeans(X_iris_std, X_iris_std[[0, 50, 100]])
from sklearn.metrics import adjusted_rand_score
print(f"agreement with the species (ARI): {adjusted_rand_score(y_iris, iris_labels):.3f}")
