"""Silhouette of standardized k-means, but returns the position of the best score plus 2, as
if ks always were range(2, …): right for the default ks, wrong for any other list.

loses: q2_tests
"""
# %% q2
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def choose_k(X_df, ks=range(2, 8)):
    Z = StandardScaler().fit_transform(X_df)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(Z))
              for k in ks]
    return int(np.argmax(scores)) + 2


print("chosen k:", choose_k(X))
