"""Standardizes, but keeps n_init="auto" (one k-means++ start): the partition depends on luck,
and a shuffle of the rows changes the luck.

loses: q1_invariance_tests
"""
# %% q1
from sklearn.cluster import KMeans
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def cluster(X_df, k):
    return make_pipeline(StandardScaler(), KMeans(n_clusters=k, random_state=0)).fit_predict(X_df)


labels = cluster(X, 3)
