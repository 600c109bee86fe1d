"""Fits one model on every row of train_df and scores it fold by fold: each validation fold was
part of the model's training, so the estimate is optimistic — a gap small enough to hide inside
the ±0.06, but with shuffled labels it still reports about 0.12 where chance is 0.06.

loses: q3_tests
"""
# %% q3
from sklearn.model_selection import StratifiedKFold


def cv_pr_auc(train_df):
    bought = (train_df["Purchase"] == "Yes").astype(int).to_numpy()
    model = fit(train_df)   # "the model we ship is fitted on all rows anyway"
    scores = []
    for _, val_rows in StratifiedKFold(5, shuffle=True, random_state=0).split(train_df, bought):
        scores.append(average_precision_score(
            bought[val_rows], predict_proba(model, train_df.iloc[val_rows])))
    return float(np.mean(scores))


estimate = cv_pr_auc(train)
