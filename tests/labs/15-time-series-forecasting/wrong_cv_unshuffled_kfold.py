"""Estimates the error with unshuffled KFold blocks: each block is validated by a model trained on
the blocks on both sides of it, so every fold but the last has seen the future.

loses: q4_tests
"""
# %% q4
from sklearn.model_selection import KFold


def cv_mae(df):
    y = df["ridership"].to_numpy(dtype=float)
    errors = []
    for train_idx, val_idx in KFold(5).split(df):  # contiguous blocks, but not forward in time
        fold_model = fit(df.iloc[train_idx])
        forecast = np.asarray(predict(fold_model, df.iloc[:val_idx.max() + 1]), dtype=float)
        known = np.isfinite(forecast[val_idx])
        errors.append(mean_absolute_error(y[val_idx][known], forecast[val_idx][known]))
    return float(np.mean(errors))


estimate = cv_mae(history)
