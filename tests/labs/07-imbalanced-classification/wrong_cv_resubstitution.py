"""Reports the PR-AUC of fit(train_df) on train_df itself: no rows are kept aside, so the model is
scored on what it memorised.

loses: q3_tests
"""
# %% q3
def cv_pr_auc(train_df):
    bought = (train_df["Purchase"] == "Yes").astype(int).to_numpy()
    return float(average_precision_score(bought, predict_proba(fit(train_df), train_df)))


estimate = cv_pr_auc(train)
