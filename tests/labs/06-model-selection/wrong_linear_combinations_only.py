"""Adds only sums and averages of columns the model already has (total charge, total minutes,
total calls): a linear model could already draw those, so no threshold or interaction appears.

loses: q3_tests
"""
# %% q3
def add_features(df):
    out = df.copy()
    out["total_charge"] = df.filter(like="_charge").sum(axis=1)
    out["total_minutes"] = df.filter(like="_minutes").sum(axis=1)
    out["total_calls"] = df[["total_day_calls", "total_eve_calls", "total_night_calls",
                             "total_intl_calls"]].sum(axis=1)
    out["day_share_of_bill"] = df["total_day_charge"] / out["total_charge"].clip(lower=1)
    return out


engineered_cv = cv_auc(fit_logistic_with(add_features), train)
