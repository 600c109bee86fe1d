"""rmse_log10 subtracts the two Series as pandas does, by index label: with a true and a
predicted Series indexed differently the labels don't line up and the RMSE is of NaNs and
mismatched houses.

loses: q2_tests
"""
# %% q2
def rmse_log10(y_true, y_pred):
    if not isinstance(y_true, pd.Series):
        y_true = pd.Series(y_true)
    if not isinstance(y_pred, pd.Series):
        y_pred = pd.Series(y_pred)
    errors = np.log10(y_true) - np.log10(y_pred)  # aligned on the index, not by position
    return float(np.sqrt(np.nanmean(errors ** 2)))
