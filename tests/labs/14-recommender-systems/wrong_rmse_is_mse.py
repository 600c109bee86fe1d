"""Reports the mean squared error as if it were RMSE: the square root is missing, so the error is
in squared stars and 1.12 reads like a worse model than it is.

loses: q1_tests
"""
# %% q1
def rmse(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.mean((y_true - y_pred) ** 2))


global_mean_rmse = rmse(test["rating"], np.full(len(test), train["rating"].mean()))
print(f"predicting the training mean: test RMSE {global_mean_rmse:.4f}")
