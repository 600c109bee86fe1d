"""Seasonal naive by looking up the date 7 days back, and folds by sorting dates by hand: the
same answers without shift or TimeSeriesSplit."""
# %% q1
def seasonal_naive(df):
    dates = pd.to_datetime(df["date"])
    last_week = pd.Series(df["ridership"].to_numpy(dtype=float), index=dates)
    return last_week.reindex(dates - pd.Timedelta(days=7)).to_numpy(dtype=float)


naive_mae = float(np.mean(np.abs(chicago.loc[after, "ridership"].to_numpy()
                                 - seasonal_naive(chicago)[after])))
# %% q2
def time_splits(df, n_splits, val_days=182):
    by_date = np.asarray(pd.to_datetime(df["date"]).argsort())
    first = len(df) - n_splits * val_days
    folds = []
    for k in range(n_splits):
        start = first + k * val_days
        folds.append((by_date[:start], by_date[start:start + val_days]))
    return folds


folds = list(time_splits(history, 4))
