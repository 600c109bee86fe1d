"""Standardizes, then a whitened PCA: the shares are right and the picture has the right shape,
but every coordinate is rescaled to variance 1 — not the wines' positions on the components.

loses: q3_tests
"""
# %% q3
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def pca_2d(X_df):
    pca = make_pipeline(StandardScaler(), PCA(n_components=2, whiten=True))
    coords = pca.fit_transform(X_df)
    return coords, pca[-1].explained_variance_ratio_


coords, ratio = pca_2d(X)
