"""Counts rows (events) per arm instead of users: a treatment that makes people click more looks
like a broken split, and a real mismatch of users can hide behind balanced event counts.

loses: q5_tests
"""
# %% q5
def srm_check(log, alpha=0.05):
    counts = [int((log["arm"] == "A").sum()), int((log["arm"] == "B").sum())]
    p_value = float(stats.chisquare(counts).pvalue)
    return {"users_a": counts[0], "users_b": counts[1], "p_value": p_value,
            "mismatch": bool(p_value < alpha)}
