"""Tunes the threshold on the test labels: the test score is no longer an honest estimate.

loses: q4_tests
"""
# %% q4
from sklearn.metrics import precision_recall_curve


def choose_threshold(model, train_df):
    _, held_out = data.split("default")
    y = (held_out["default"] == "Yes").astype(int)
    precision, recall, thresholds = precision_recall_curve(y, predict_proba(model, held_out))
    enough = recall[:-1] >= 0.75
    return float(thresholds[enough][np.argmax(precision[:-1][enough])])


threshold = choose_threshold(model, train)
