"""Runs k-means on the raw measurements: proline, in hundreds of mg/L, decides every distance.

loses: q1_tests q1_invariance_tests
"""
# %% q1
from sklearn.cluster import KMeans


def cluster(X_df, k):
    return KMeans(n_clusters=k, n_init=20, random_state=0).fit_predict(X_df)


labels = cluster(X, 3)
