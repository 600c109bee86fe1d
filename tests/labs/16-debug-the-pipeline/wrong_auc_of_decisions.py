"""Reports ROC-AUC and PR-AUC, but of 0/1 decisions at a 0.5 cut-off instead of the scores.

loses: q4_tests
"""
# %% q4
from sklearn.metrics import average_precision_score


def evaluate(y_true, p_bad):
    flagged = np.asarray(p_bad) > 0.5
    return {"accuracy": accuracy_score(y_true, flagged),
            "roc_auc": roc_auc_score(y_true, flagged),
            "pr_auc": average_precision_score(y_true, flagged)}


report = evaluate(y_test, predict_proba(model, test))
