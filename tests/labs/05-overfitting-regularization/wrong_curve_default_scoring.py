"""Cross-validates with the classifier's default score, accuracy, while the training column is
ROC-AUC: the two columns measure different things, and the depth picked from this curve (with the
reference best_depth) is off on one of the grader's splits.

loses: q1_tests q2_tests
"""
# %% q1
from sklearn.model_selection import StratifiedKFold, cross_val_score


def depth_curve(train_df, depths):
    X, y = credit_features(train_df), credit_target(train_df)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    rows = []
    for depth in depths:
        tree = make_tree(depth).fit(X, y)
        rows.append({
            "depth": depth,
            "train_auc": roc_auc_score(y, tree.predict_proba(X)[:, 1]),
            "cv_auc": cross_val_score(make_tree(depth), X, y, cv=folds).mean(),
        })
    return pd.DataFrame(rows).set_index("depth")


curve = depth_curve(credit_train, DEPTHS)
