"""Factorization as a truncated SVD (scikit-learn) of the sparse matrix of residuals left by
shrunk biases, missing entries treated as 0."""
# %% q3
from scipy import sparse
from sklearn.decomposition import TruncatedSVD


def fit_mf(ratings_df, k=10, reg=3.0):
    users, u = np.unique(ratings_df["userId"].to_numpy(), return_inverse=True)
    items, i = np.unique(ratings_df["movieId"].to_numpy(), return_inverse=True)
    r = ratings_df["rating"].to_numpy(dtype=float)
    mu = r.mean()
    b_user, b_item = np.zeros(len(users)), np.zeros(len(items))
    for _ in range(10):
        b_item = np.bincount(i, weights=r - mu - b_user[u]) / (np.bincount(i) + reg)
        b_user = np.bincount(u, weights=r - mu - b_item[i]) / (np.bincount(u) + reg)
    residual = sparse.csr_matrix((r - mu - b_user[u] - b_item[i], (u, i)),
                                 shape=(len(users), len(items)))
    svd = TruncatedSVD(k, random_state=0).fit(residual)
    return {"mu": mu, "users": pd.Index(users), "items": pd.Index(items),
            "P": svd.transform(residual), "Q": svd.components_.T,
            "b_user": b_user, "b_item": b_item}


def predict_mf(model, df):
    u = model["users"].get_indexer(df["userId"])
    i = model["items"].get_indexer(df["movieId"])
    p = np.full(len(df), model["mu"])
    p[u >= 0] += model["b_user"][u[u >= 0]]
    p[i >= 0] += model["b_item"][i[i >= 0]]
    both = (u >= 0) & (i >= 0)
    p[both] += np.sum(model["P"][u[both]] * model["Q"][i[both]], axis=1)
    return np.clip(p, 0.5, 5.0)


mf_model = fit_mf(train)
