"""Runs PCA on the raw measurements: the first component is proline, explaining 99.8 %.

loses: q3_tests
"""
# %% q3
from sklearn.decomposition import PCA


def pca_2d(X_df):
    pca = PCA(n_components=2)
    return pca.fit_transform(X_df), pca.explained_variance_ratio_


coords, ratio = pca_2d(X)
