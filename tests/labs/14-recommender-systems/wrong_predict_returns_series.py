"""Regularized biases whose predict returns a pandas Series indexed like df, not the NumPy array
the question asks for: code that indexes the result by position then reads other rows.

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
    for _ in range(10):  # each sweep solves exactly for one side given the other
        b_item = np.bincount(i, weights=r - mu - b_user[u]) / (n_item + reg)
        b_user = np.bincount(u, weights=r - mu - b_item[i]) / (n_user + reg)
    return {"mu": mu, "b_user": pd.Series(b_user, index=users),
            "b_item": pd.Series(b_item, index=items)}

def predict(model, df):
    # An unknown user or movie has bias 0: fall back to the rest of the model.
    b_user = df["userId"].map(model["b_user"]).fillna(0.0).to_numpy(dtype=float)
    b_item = df["movieId"].map(model["b_item"]).fillna(0.0).to_numpy(dtype=float)
    # a Series aligned on df's index instead of the NumPy array the question asks for
    return pd.Series(np.clip(model["mu"] + b_user + b_item, 0.5, 5.0), index=df.index)

bias_model = fit_biases(train)
print(f"biases: test RMSE {rmse(test['rating'], predict(bias_model, test_unrated)):.4f}")
