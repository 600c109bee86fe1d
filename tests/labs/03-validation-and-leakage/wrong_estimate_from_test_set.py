"""Reports the score on the course's test split as the estimate: it reloads data it was not given
(and, for the grader's rows, measures the wrong thing).

loses: q2_tests
"""
# %% q2
def cv_auc(train_df):
    _, held_out = data.split("lending_club")
    y = (held_out["Class"] == "bad").astype(int)
    return float(roc_auc_score(y, predict_proba(fit(train_df), held_out)))


estimate = cv_auc(train)
