"""Orders the rows by date but yields their index labels, not positions: right on a frame indexed
0..n-1, other rows (or none) under df.iloc once the index is anything else.

loses: q2_tests
"""
# %% q2
from sklearn.model_selection import TimeSeriesSplit


def time_splits(df, n_splits, val_days=182):
    labels = df.sort_values("date").index.to_numpy()  # labels, to be used with df.iloc
    for train, val in TimeSeriesSplit(n_splits=n_splits, test_size=val_days).split(labels):
        yield labels[train], labels[val]


folds = list(time_splits(history, 4))
