"""Picks the depth with the smallest train/validation gap: the least overfitting, but a stump
that underfits.

loses: q2_tests
"""
# %% q2
def best_depth(train_df, depths=DEPTHS):
    curve = depth_curve(train_df, depths)
    return int((curve["train_auc"] - curve["cv_auc"]).idxmin())


chosen_depth = best_depth(credit_train)
