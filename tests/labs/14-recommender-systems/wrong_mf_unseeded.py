"""Biased ALS whose random start is drawn from an unseeded generator: every run of fit_mf gives
another model, so results cannot be reproduced (the question asks for a seeded start).

loses: q3_tests
"""
# %% q3
from scipy import sparse

def fit_mf(ratings_df, k=10, seed=0):
    reg, reg_bias, epochs = 15.0, 3.0, 10  # penalties tuned on a validation split of train
    # Biased ALS: with Q and the movie biases fixed, each user's [p_u, b_u] is a ridge regression
    # on the movie vectors [q_i, 1]; then the same for the movies. Solved for all users at once.
    users, u = np.unique(ratings_df["userId"].to_numpy(), return_inverse=True)
    items, i = np.unique(ratings_df["movieId"].to_numpy(), return_inverse=True)
    r = ratings_df["rating"].to_numpy(dtype=float)
    mu = r.mean()
    rng = np.random.default_rng()  # a fresh start on every run
    P = rng.normal(0, 0.1, (len(users), k))
    Q = rng.normal(0, 0.1, (len(items), k))
    b_user, b_item = np.zeros(len(users)), np.zeros(len(items))
    penalty = np.diag([reg] * k + [reg_bias])

    def solve(rows, cols, n_rows, F, target):
        A = np.hstack([F, np.ones((len(F), 1))])
        shape = (n_rows, len(F))
        rated = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
        values = sparse.csr_matrix((target, (rows, cols)), shape=shape)
        gram = rated @ (A[:, :, None] * A[:, None, :]).reshape(len(F), -1)
        x = np.linalg.solve(gram.reshape(n_rows, k + 1, k + 1) + penalty,
                            (values @ A)[:, :, None])[:, :, 0]
        return x[:, :k], x[:, k]

    for _ in range(epochs):
        P, b_user = solve(u, i, len(users), Q, r - mu - b_item[i])
        Q, b_item = solve(i, u, len(items), P, r - mu - b_user[u])
    return {"mu": mu, "users": pd.Index(users), "items": pd.Index(items),
            "P": P, "Q": Q, "b_user": b_user, "b_item": b_item}

def predict_mf(model, df):
    u = model["users"].get_indexer(df["userId"])
    i = model["items"].get_indexer(df["movieId"])
    known_u, known_i = u >= 0, i >= 0
    p = np.full(len(df), model["mu"])
    p[known_u] += model["b_user"][u[known_u]]
    p[known_i] += model["b_item"][i[known_i]]
    both = known_u & known_i
    p[both] += np.sum(model["P"][u[both]] * model["Q"][i[both]], axis=1)
    return np.clip(p, 0.5, 5.0)

mf_model = fit_mf(train)
print(f"factorization: test RMSE {rmse(test['rating'], predict_mf(mf_model, test_unrated)):.4f}")
