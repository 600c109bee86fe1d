"""Cross-validates the repaired fit properly but scores accuracy, which on a 5 % class is about
0.95 whatever the model does.

loses: q3_tests
"""
# %% q3
from sklearn.model_selection import StratifiedKFold


def honest_estimate(train_df, C=0.1):
    y = (train_df["Class"] == "bad").to_numpy()
    scores = []
    for fit_rows, val in StratifiedKFold(5, shuffle=True, random_state=0).split(train_df, y):
        p = predict_proba(fit(train_df.iloc[fit_rows], C), train_df.iloc[val])
        scores.append(accuracy_score(y[val], p > 0.5))
    return float(np.mean(scores))


estimate = honest_estimate(train)
