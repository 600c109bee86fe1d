"""Scores every candidate C on the very loans it was fitted on (training ROC-AUC): the test set
stays untouched, but the weakest penalty always looks best.

loses: q2_tests
"""
# %% q2
def choose_C(train_df):
    y = (train_df["Class"] == "bad").to_numpy()
    scores = {C: roc_auc_score(y, predict_proba(fit(train_df, C), train_df)) for C in C_GRID}
    return max(scores, key=scores.get)


best_C = choose_C(train)
print(f"chosen C = {best_C}")
