"""CUPED with visits during the experiment as the covariate: it is correlated with spend, but the
treatment moves it, so adjusting for it removes the effect (and more).

loses: q4_tests
"""
# %% q4
def cuped_effect(df):
    t = df["treated"].to_numpy() == 1
    y = df["y"].to_numpy(dtype=float)
    x = df["visits"].to_numpy(dtype=float)
    theta = np.cov(x, y)[0, 1] / np.var(x, ddof=1)
    adjusted = y - theta * (x - x.mean())
    se = np.sqrt(adjusted[t].var(ddof=1) / t.sum() + adjusted[~t].var(ddof=1) / (~t).sum())
    return {"effect": float(adjusted[t].mean() - adjusted[~t].mean()), "se": float(se)}
