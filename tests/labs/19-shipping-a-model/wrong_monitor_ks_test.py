"""The monitor alarms when a two-sample KS test rejects at 5 % on any feature, ranked by p-value:
a test per feature on every window alarms on unchanged traffic.

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
    from scipy.stats import ks_2samp

    p = {f: ks_2samp(reference_df[f], window_df[f]).pvalue for f in MONITORED}
    alerts = sorted((f for f in p if p[f] < 0.05), key=p.get)
    return {"alarm": bool(alerts), "features": alerts}


print("quiet:  ", [monitor(train, w)["alarm"] for w in quiet_windows])
print("shifted:", [monitor(train, w)["features"][:2] for w in shifted_windows])
