"""Scores the model on the very rows it was fitted on and calls that the estimate: a tree that
memorises its training rows looks far better than it is on new customers.

loses: q2_tests
"""
# %% q2
def cv_auc(fit_fn, train_df):
    model = fit_fn(train_df)
    labels = (train_df["churn"] == "yes").astype(int)
    return float(roc_auc_score(labels, churn_proba(model, train_df)))


linear_cv = cv_auc(fit_linear, train)
