"""Oversamples the bad loans and then cross-validates: copies of the same loan sit on both sides
of every fold, so a forest scores them from memory.

loses: q2_tests
"""
# %% q2
from sklearn.ensemble import RandomForestClassifier


def cv_auc(train_df):
    bad = train_df[train_df["Class"] == "bad"]
    oversampled = pd.concat([train_df] + [bad] * 10, ignore_index=True)
    X = pd.get_dummies(oversampled.drop(columns=["Class", "rownames"])).astype(float).fillna(0)
    y = (oversampled["Class"] == "bad").astype(int)
    forest = RandomForestClassifier(n_estimators=50, random_state=0, n_jobs=1)
    folds = StratifiedKFold(3, shuffle=True, random_state=0)
    return float(cross_val_score(forest, X, y, cv=folds, scoring="roc_auc").mean())


estimate = cv_auc(train)
