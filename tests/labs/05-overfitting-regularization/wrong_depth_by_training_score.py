"""Picks the depth with the best training score: the deepest tree always wins.

loses: q2_tests
"""
# %% q2
def best_depth(train_df, depths=DEPTHS):
    return int(depth_curve(train_df, depths)["train_auc"].idxmax())


chosen_depth = best_depth(credit_train)
