"""Keeps the found choose_C: every candidate C is scored on the notebook's test set.

loses: q2_tests
"""
# %% q2
def choose_C(train_df):
    """The regularisation strength that scores best."""
    scores = {C: roc_auc_score(test["Class"] == "bad", predict_proba(fit(train_df, C), test))
              for C in C_GRID}
    return max(scores, key=scores.get)


best_C = choose_C(train)
