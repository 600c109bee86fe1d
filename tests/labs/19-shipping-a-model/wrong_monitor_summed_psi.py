"""The monitor adds up the PSI of every feature and alarms when the total reaches the
threshold: seventeen small, noisy PSIs make a large sum on unchanged traffic.

loses: q5_monitor_tests
"""
# %% q5
def psi(reference, current, bins=10):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    edges = np.unique(np.quantile(reference, np.arange(1, bins) / bins))

    def shares(values):
        counts = np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1)
        return np.maximum(counts / len(values), 1e-4)

    r, c = shares(reference), shares(current)
    return float(np.sum((c - r) * np.log(c / r)))


def monitor(reference_df, window_df, threshold=PSI_ALERT):
    scores = {f: psi(reference_df[f], window_df[f]) for f in MONITORED}
    alarm = sum(scores.values()) >= threshold   # one drift score for the whole window
    return {"alarm": bool(alarm),
            "features": sorted(scores, key=scores.get, reverse=True)[:3] if alarm else []}


print("quiet:  ", [monitor(train, w)["alarm"] for w in quiet_windows])
print("shifted:", [monitor(train, w)["features"][:2] for w in shifted_windows])
