"""Centres the covariate on each arm's own mean: the adjustment then cancels out of the effect
(it equals the plain difference in means) while the reported se shrinks — an se that lies.

loses: q4_tests
"""
# %% q4
def cuped_effect(df):
    t = df["treated"].to_numpy() == 1
    y = df["y"].to_numpy(dtype=float)
    x = df["y_pre"].to_numpy(dtype=float)
    theta = np.cov(x, y)[0, 1] / np.var(x, ddof=1)
    centred = x.copy()
    centred[t] -= x[t].mean()
    centred[~t] -= x[~t].mean()
    adjusted = y - theta * centred
    se = np.sqrt(adjusted[t].var(ddof=1) / t.sum() + adjusted[~t].var(ddof=1) / (~t).sum())
    return {"effect": float(adjusted[t].mean() - adjusted[~t].mean()), "se": float(se)}
