"""Tunes the threshold on the notebook's own test rows, already in memory: no reload needed, so
sealing the loaders does not stop it, and the threshold is still chosen on held-out labels.

loses: q4_tests
"""
# %% q4
from sklearn.metrics import precision_recall_curve


def choose_threshold(model, train_df, target_recall=0.75):
    precision, recall, thresholds = precision_recall_curve(y_test, predict_proba(model, test))
    enough = recall[:-1] >= target_recall
    return float(thresholds[enough][np.argmax(precision[:-1][enough])])


threshold = choose_threshold(model, train)
