"""Fits one model on all of train_df and scores it fold by fold: the folds look like
cross-validation, but every fold was in the model's training rows.

loses: q2_tests
"""
# %% q2
from sklearn.model_selection import StratifiedKFold


def cv_auc(fit_fn, train_df):
    labels = train_df["churn"].eq("yes").astype(int)
    model = fit_fn(train_df)
    scores = []
    for _, val_rows in StratifiedKFold(5, shuffle=True, random_state=0).split(train_df, labels):
        held_out = train_df.iloc[val_rows]
        scores.append(roc_auc_score(labels.iloc[val_rows], churn_proba(model, held_out)))
    return float(np.mean(scores))


linear_cv = cv_auc(fit_linear, train)
