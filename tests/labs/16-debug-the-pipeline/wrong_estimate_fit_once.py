"""Fits the repaired pipeline once on all of train_df and scores it fold by fold: the folds are
real, but every validation loan was among the loans the model was fitted on.

loses: q3_tests
"""
# %% q3
from sklearn.model_selection import StratifiedKFold


def honest_estimate(train_df, C=0.1):
    y = (train_df["Class"] == "bad").to_numpy()
    model = fit(train_df, C)  # once, on every loan
    scores = [roc_auc_score(y[val], predict_proba(model, train_df.iloc[val]))
              for _, val in StratifiedKFold(5, shuffle=True, random_state=0).split(train_df, y)]
    return float(np.mean(scores))


estimate = honest_estimate(train)
print(f"cross-validated ROC-AUC {estimate:.3f}")
