"""Picks reg by the RMSE on the very ratings the biases were fitted on: a penalty can only raise
training error, so it always picks reg = 0.

loses: q4_tests
"""
# %% q4
def choose_reg(ratings_df, grid=(0.0, 1.0, 2.0, 3.0, 5.0, 10.0, 25.0)):
    scores = [rmse(ratings_df["rating"], predict(fit_biases(ratings_df, reg=reg), ratings_df))
              for reg in grid]
    return float(grid[int(np.argmin(scores))])


best_reg = choose_reg(train)
