"""Cross-validates honestly but reports ROC-AUC, which looks far better than PR-AUC on 6 %
buyers.

loses: q3_tests
"""
# %% q3
from sklearn.model_selection import StratifiedKFold


def cv_pr_auc(train_df):
    bought = (train_df["Purchase"] == "Yes").astype(int).to_numpy()
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    scores = []
    for fit_rows, val_rows in folds.split(train_df, bought):
        fold_model = fit(train_df.iloc[fit_rows])
        scores.append(roc_auc_score(
            bought[val_rows], predict_proba(fold_model, train_df.iloc[val_rows])))
    return float(np.mean(scores))


estimate = cv_pr_auc(train)
