"""Builds the right pipeline once, fits it on the notebook's wines, and hands out that same
fitted object on every call instead of a new, unfitted pipeline.

loses: q4_tests
"""
# %% q4
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

_pipelines = {}


def compressed_pipeline(k, n_components):
    if (k, n_components) not in _pipelines:
        _pipelines[k, n_components] = Pipeline([
            ("scale", StandardScaler()),
            ("pca", PCA(n_components=n_components)),
            ("kmeans", KMeans(n_clusters=k, n_init=20, random_state=0)),
        ]).fit(X)
    return _pipelines[k, n_components]


pipe = compressed_pipeline(3, 2)
print(f"ARI on 2 components: {adjusted_rand_score(y, pipe.fit_predict(X)):.3f}")
