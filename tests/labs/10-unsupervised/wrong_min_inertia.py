"""Picks the k with the lowest inertia: inertia always falls as k grows, so it picks the largest.

loses: q2_tests
"""
# %% q2
def choose_k(X_df, ks=range(2, 8)):
    Z = StandardScaler().fit_transform(X_df)
    inertia = {k: KMeans(n_clusters=k, n_init=10, random_state=0).fit(Z).inertia_ for k in ks}
    return int(min(inertia, key=inertia.get))
