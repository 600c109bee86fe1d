"""The monitor waits for PSI 0.5 ("a major shift") before it alarms: quiet, but a shift that
already moves the model's inputs a lot goes unseen.

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


def monitor(reference_df, window_df, threshold=0.5):
    scores = {f: psi(reference_df[f], window_df[f]) for f in MONITORED}
    alerts = sorted((f for f in scores if scores[f] >= threshold), key=scores.get, reverse=True)
    return {"alarm": bool(alerts), "features": alerts}


print("quiet:  ", [monitor(train, w)["alarm"] for w in quiet_windows])
print("shifted:", [monitor(train, w)["features"][:2] for w in shifted_windows])
