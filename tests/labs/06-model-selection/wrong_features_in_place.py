"""Adds the new columns to the caller's frame in place and returns it: the features are right, but
whoever called add_features finds their frame changed.

loses: q3_rules_tests
"""
# %% q3
def add_features(df):
    out = df
    total_charge = df.filter(like="_charge").sum(axis=1)
    intl_plan = df["international_plan"].eq("yes")
    out["total_charge"] = total_charge
    out["total_minutes"] = df.filter(like="_minutes").sum(axis=1)
    out["bill_over_74"] = total_charge > 74
    out["many_service_calls"] = df["number_customer_service_calls"] >= 4
    out["intl_plan_minutes"] = intl_plan * df["total_intl_minutes"]
    out["intl_plan_few_calls"] = intl_plan & (df["total_intl_calls"] < 3)
    out["intl_plan_heavy_use"] = intl_plan & (df["total_intl_minutes"] > 13)
    out["no_voicemail_bill"] = df["voice_mail_plan"].eq("no") * total_charge
    return out


engineered_cv = cv_auc(fit_logistic_with(add_features), train)
