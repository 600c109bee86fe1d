"""Cross-validates every C honestly, then keeps the one with the lowest score (``min`` where the
score is an AUC, as if it were a loss): the folds are right, the choice is the worst of the grid.

loses: q2_tests
"""
# %% q2
def choose_C(train_df):
    from sklearn.model_selection import StratifiedKFold

    y = (train_df["Class"] == "bad").to_numpy()
    folds = list(StratifiedKFold(3, shuffle=True, random_state=0).split(train_df, y))

    def cv_auc(C):
        return np.mean([
            roc_auc_score(y[val], predict_proba(fit(train_df.iloc[fit_rows], C),
                                                train_df.iloc[val]))
            for fit_rows, val in folds])

    return min(C_GRID, key=cv_auc)


best_C = choose_C(train)
