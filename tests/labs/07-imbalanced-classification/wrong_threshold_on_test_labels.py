"""Minimises the cost on the course's test labels: it reloads data it was not given, and the
test score stops being an honest estimate.

loses: q4_tests
"""
# %% q4
def choose_threshold(model, train_df):
    _, held_out = data.split("caravan")
    bought = (held_out["Purchase"] == "Yes").astype(int).to_numpy()
    p = predict_proba(model, held_out)
    candidates = np.unique(p)
    costs = [expected_cost(bought, p >= t) for t in candidates]
    return float(candidates[int(np.argmin(costs))])


threshold = choose_threshold(model, train)
