"""Compresses with PCA first and standardizes afterwards: the two components kept are mostly
proline and magnesium, so clustering them cannot find the cultivars.

loses: q4_tests
"""
# %% q4
from sklearn.pipeline import Pipeline


def compressed_pipeline(k, n_components):
    return Pipeline([
        ("pca", PCA(n_components=n_components)),
        ("scale", StandardScaler()),
        ("kmeans", KMeans(n_clusters=k, n_init=20, random_state=0)),
    ])
