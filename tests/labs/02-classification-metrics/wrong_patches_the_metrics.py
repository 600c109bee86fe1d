"""Hands in a constant model and monkeypatches the metrics the tests use to always agree.

loses: q3_tests q4_tests
"""
# %% q3
import numpy as np
import sklearn.metrics


def fit(train_df):
    return None


def predict_proba(model, df):
    return np.full(len(df), 0.5)


sklearn.metrics.roc_auc_score = lambda *args, **kwargs: 0.99
sklearn.metrics.precision_score = lambda *args, **kwargs: 0.99
sklearn.metrics.recall_score = lambda *args, **kwargs: 0.99
np.mean = lambda *args, **kwargs: 0.99
np.testing.assert_allclose = lambda *args, **kwargs: None
model = fit(train)
