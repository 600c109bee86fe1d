"""Shortlists the three depths with the best cross-validated ROC-AUC, then settles among them
on the notebook's test applications, kept as a (features, labels) pair under another name:
nothing is reloaded and no frame named like the test set is read, so neither the sealed loaders
nor a scan for test frames stops it, and the depth it picks stays near the cross-validated best
— but the test set has become part of the choice.

loses: q2_tests
"""
# %% q2
held_out = (credit_features(credit_test), credit_target(credit_test))


def best_depth(train_df, depths=DEPTHS):
    shortlist = depth_curve(train_df, depths)["cv_auc"].nlargest(3).index
    X, y = credit_features(train_df), credit_target(train_df)
    X_check, y_check = held_out
    scores = {}
    for d in shortlist:
        tree = make_tree(int(d)).fit(X, y)
        scores[int(d)] = roc_auc_score(y_check, tree.predict_proba(X_check)[:, 1])
    return int(max(scores, key=scores.get))


chosen_depth = best_depth(credit_train)
