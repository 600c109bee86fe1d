"""Picks each fold's rows with .loc and the positions StratifiedKFold returns: right only while the
frame's index happens to be 0..n-1.

loses: q2_tests
"""
# %% q2
from sklearn.model_selection import StratifiedKFold


def cv_auc(fit_fn, train_df):
    labels = train_df["churn"].eq("yes").astype(int)
    scores = []
    for fit_rows, val_rows in StratifiedKFold(5, shuffle=True, random_state=0).split(train_df,
                                                                                     labels):
        fold_model = fit_fn(train_df.loc[fit_rows])
        held_out = train_df.loc[val_rows]
        scores.append(roc_auc_score(labels.loc[val_rows], churn_proba(fold_model, held_out)))
    return float(np.mean(scores))


linear_cv = cv_auc(fit_linear, train)
