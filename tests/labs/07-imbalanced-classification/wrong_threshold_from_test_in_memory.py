"""Minimises the cost on the notebook's test customers already in memory (test, y_test): no
data is reloaded, but the threshold is tuned on the rows meant for the final report.

loses: q4_tests
"""
# %% q4
def choose_threshold(model, train_df):
    p = predict_proba(model, test)
    candidates = np.unique(p)
    costs = [expected_cost(y_test, p >= t) for t in candidates]
    return float(candidates[int(np.argmin(costs))])


threshold = choose_threshold(model, train)
