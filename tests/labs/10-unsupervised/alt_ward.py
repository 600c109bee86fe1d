"""Agglomerative clustering (Ward linkage) on standardized data, k by its silhouette."""
# %% q1
from sklearn.cluster import AgglomerativeClustering
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def cluster(X_df, k):
    return make_pipeline(StandardScaler(), AgglomerativeClustering(n_clusters=k)).fit_predict(X_df)


labels = cluster(X, 3)
# %% q2
from sklearn.metrics import silhouette_score


def choose_k(X_df, ks=range(2, 8)):
    Z = StandardScaler().fit_transform(X_df)
    scores = {k: silhouette_score(Z, AgglomerativeClustering(n_clusters=k).fit_predict(Z))
              for k in ks}
    return int(max(scores, key=scores.get))
# %% q4
from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline


def compressed_pipeline(k, n_components):
    return Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(n_components=n_components)),
        ("ward", AgglomerativeClustering(n_clusters=k)),
    ])
