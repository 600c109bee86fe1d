"""Divides by zero when a batch has no defaulters: recall becomes NaN, not the 0.0 the contract
asks for.

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
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        recall = np.float64(c["tp"]) / np.float64(c["tp"] + c["fn"])
    return float(precision), float(recall)
