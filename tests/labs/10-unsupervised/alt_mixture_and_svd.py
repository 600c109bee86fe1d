"""A Gaussian mixture on standardized data, k by Calinski-Harabasz, PCA by hand with an SVD."""
# %% q1
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def cluster(X_df, k):
    model = make_pipeline(StandardScaler(), GaussianMixture(
        n_components=k, covariance_type="diag", n_init=20, random_state=0))
    return model.fit_predict(X_df)


labels = cluster(X, 3)
# %% q2
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score


def choose_k(X_df, ks=range(2, 8)):
    Z = StandardScaler().fit_transform(X_df)
    scores = {k: calinski_harabasz_score(Z, KMeans(n_clusters=k, n_init=10,
                                                    random_state=1).fit_predict(Z))
              for k in ks}
    return int(max(scores, key=scores.get))
# %% q3
def pca_2d(X_df):
    Z = np.asarray(X_df, dtype=float)
    Z = (Z - Z.mean(axis=0)) / Z.std(axis=0, ddof=1)
    U, S, _ = np.linalg.svd(Z, full_matrices=False)
    return U[:, :2] * S[:2], (S[:2] ** 2) / np.sum(S ** 2)


coords, ratio = pca_2d(X)
# %% q4
from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline


def compressed_pipeline(k, n_components):
    return Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(n_components=n_components, random_state=0)),
        ("mixture", GaussianMixture(n_components=k, n_init=10, random_state=0)),
    ])
