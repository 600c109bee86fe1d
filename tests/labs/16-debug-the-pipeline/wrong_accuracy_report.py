"""Keeps the found evaluate: it reports accuracy only.

loses: q4_tests
"""
# %% q4
def evaluate(y_true, p_bad):
    """The numbers for the risk team."""
    return {"accuracy": accuracy_score(y_true, p_bad > 0.5)}


report = evaluate(y_test, predict_proba(model, test))
