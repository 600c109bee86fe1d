"""Swaps the two costs: charges €100 for a wasted mailing and €10 for a missed buyer.

loses: q1_tests
"""
# %% q1
def expected_cost(y_true, mailed):
    y_true = np.asarray(y_true).astype(int)
    mailed = np.asarray(mailed).astype(bool)
    missed = np.sum((y_true == 1) & ~mailed)
    wasted = np.sum((y_true == 0) & mailed)
    return float((WASTED_MAILING_COST * missed + MISSED_BUYER_COST * wasted) / len(y_true))


baseline_costs = {
    "mail_everyone": expected_cost(y_test, np.ones(len(y_test), dtype=int)),
    "mail_nobody": expected_cost(y_test, np.zeros(len(y_test), dtype=int)),
}
print(baseline_costs)
