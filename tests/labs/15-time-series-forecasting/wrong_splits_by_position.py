"""TimeSeriesSplit on the rows as they come: positions, not dates, so unsorted rows make folds
that train on the future.

loses: q2_tests
"""
# %% q2
from sklearn.model_selection import TimeSeriesSplit


def time_splits(df, n_splits, val_days=182):
    yield from TimeSeriesSplit(n_splits=n_splits, test_size=val_days).split(df)


folds = list(time_splits(history, 4))
