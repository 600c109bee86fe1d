"""Regularized biases, but predictions are left unclipped: a generous user meeting a classic gets
5.4 stars on a scale that stops at 5.

loses: q2_cold_tests
"""
# %% q2
def fit_biases(ratings_df, reg=5.0):
    users, u = np.unique(ratings_df["userId"].to_numpy(), return_inverse=True)
    items, i = np.unique(ratings_df["movieId"].to_numpy(), return_inverse=True)
    r = ratings_df["rating"].to_numpy(dtype=float)
    mu = r.mean()
    b_user, b_item = np.zeros(len(users)), np.zeros(len(items))
    for _ in range(10):
        b_item = np.bincount(i, weights=r - mu - b_user[u]) / (np.bincount(i) + reg)
        b_user = np.bincount(u, weights=r - mu - b_item[i]) / (np.bincount(u) + reg)
    return {"mu": mu, "b_user": pd.Series(b_user, index=users),
            "b_item": pd.Series(b_item, index=items)}


def predict(model, df):
    b_user = df["userId"].map(model["b_user"]).fillna(0.0).to_numpy(dtype=float)
    b_item = df["movieId"].map(model["b_item"]).fillna(0.0).to_numpy(dtype=float)
    return model["mu"] + b_user + b_item


bias_model = fit_biases(train)
