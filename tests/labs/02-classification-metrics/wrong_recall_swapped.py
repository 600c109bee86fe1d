"""Divides by the wrong total: this "recall" is really precision, and vice versa.

loses: q2_tests
"""
# %% q2
def confusion_counts(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)
    return {
        "tp": int(np.sum((y_true == 1) & (y_pred == 1))),
        "fp": int(np.sum((y_true == 0) & (y_pred == 1))),
        "fn": int(np.sum((y_true == 1) & (y_pred == 0))),
        "tn": int(np.sum((y_true == 0) & (y_pred == 0))),
    }


def precision_recall(y_true, y_pred):
    c = confusion_counts(y_true, y_pred)
    recall = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    precision = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return float(precision), float(recall)
