"""Movie bias = the movie's mean rating minus the global mean, user bias = the user's mean
residual after that, one pass and no shrinkage: the textbook first draft.

loses: q2_tests
"""
# %% q2
def fit_biases(ratings_df, reg=0.0):
    mu = ratings_df["rating"].mean()
    b_item = ratings_df.groupby("movieId")["rating"].mean() - mu
    residual = ratings_df["rating"] - mu - ratings_df["movieId"].map(b_item)
    b_user = residual.groupby(ratings_df["userId"]).mean()
    return {"mu": mu, "b_user": b_user, "b_item": b_item}


def predict(model, df):
    b_user = df["userId"].map(model["b_user"]).fillna(0.0).to_numpy(dtype=float)
    b_item = df["movieId"].map(model["b_item"]).fillna(0.0).to_numpy(dtype=float)
    return np.clip(model["mu"] + b_user + b_item, 0.5, 5.0)


bias_model = fit_biases(train)
