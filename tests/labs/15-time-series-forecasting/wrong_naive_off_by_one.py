"""Shifts by 6 rows instead of 7: "one week earlier" counted off by one, the wrong weekday.

loses: q1_tests
"""
# %% q1
def seasonal_naive(df):
    return df["ridership"].shift(6).to_numpy(dtype=float)


naive = seasonal_naive(chicago)
naive_mae = float(mean_absolute_error(chicago.loc[after, "ridership"], naive[after]))
print(f"seasonal naive MAE from {CUTOFF} on: {naive_mae:.3f} thousand riders")
