"""Keeps the default 0.5 threshold: precise, but most defaulters slip through.

loses: q4_tests
"""
# %% q4
def choose_threshold(model, train_df):
    return 0.5


threshold = choose_threshold(model, train)
