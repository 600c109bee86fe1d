"""Maximizes the silhouette, but of k-means on the raw measurements: it counts proline levels.

loses: q2_tests
"""
# %% q2
from sklearn.metrics import silhouette_score


def choose_k(X_df, ks=range(2, 8)):
    scores = {k: silhouette_score(X_df, KMeans(n_clusters=k, n_init=10,
                                                random_state=0).fit_predict(X_df))
              for k in ks}
    return int(max(scores, key=scores.get))
