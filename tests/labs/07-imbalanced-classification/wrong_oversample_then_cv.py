"""Oversamples the buyers to 50/50 and then cross-validates: copies of the same buyer sit on both
sides of every fold, and the validation folds have 50 % buyers.

loses: q3_tests
"""
# %% q3
from sklearn.model_selection import StratifiedKFold


def cv_pr_auc(train_df):
    buyers = train_df[train_df["Purchase"] == "Yes"]
    extra = buyers.sample(int((train_df["Purchase"] == "No").sum()) - len(buyers), replace=True,
                          random_state=0)
    balanced = pd.concat([train_df, extra], ignore_index=True)
    bought = (balanced["Purchase"] == "Yes").astype(int).to_numpy()
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    scores = []
    for fit_rows, val_rows in folds.split(balanced, bought):
        fold_model = fit(balanced.iloc[fit_rows])
        scores.append(average_precision_score(
            bought[val_rows], predict_proba(fold_model, balanced.iloc[val_rows])))
    return float(np.mean(scores))


estimate = cv_pr_auc(train)
