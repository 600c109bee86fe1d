"""Looks each row's user and movie up by label (`df["userId"][i]` for i in range(len(df))), as if
every frame had the index 0..n-1: on a frame with another index the predictions belong to other
rows, or the lookup fails.

loses: q2_tests, q2_cold_tests
"""
# %% q2
def fit_biases(ratings_df, reg=5.0):
    users, u = np.unique(ratings_df["userId"].to_numpy(), return_inverse=True)
    items, i = np.unique(ratings_df["movieId"].to_numpy(), return_inverse=True)
    r = ratings_df["rating"].to_numpy(dtype=float)
    mu = r.mean()
    b_user, b_item = np.zeros(len(users)), np.zeros(len(items))
    n_user, n_item = np.bincount(u), np.bincount(i)
    for _ in range(10):
        b_item = np.bincount(i, weights=r - mu - b_user[u]) / (n_item + reg)
        b_user = np.bincount(u, weights=r - mu - b_item[i]) / (n_user + reg)
    return {"mu": mu, "b_user": dict(zip(users, b_user, strict=True)),
            "b_item": dict(zip(items, b_item, strict=True))}


def predict(model, df):
    users, movies = df["userId"], df["movieId"]
    out = []
    for i in range(len(df)):
        user, movie = users.get(i, -1), movies.get(i, -1)
        out.append(model["mu"] + model["b_user"].get(user, 0.0) + model["b_item"].get(movie, 0.0))
    return np.clip(np.array(out, dtype=float), 0.5, 5.0)


bias_model = fit_biases(train)
