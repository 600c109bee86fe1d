"""Averages prices in dollars, then takes the log: the mean of a skewed target is not its centre.

loses: q1_tests
"""
# %% q1
baseline_rmse = float(np.sqrt(np.mean(
    (np.log10(test["Sale_Price"]) - np.log10(train["Sale_Price"].mean())) ** 2)))
