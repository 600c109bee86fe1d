"""Bins the monthly bill into deciles of the frame being transformed: a customer's feature depends
on which other customers are scored with it (and a single customer cannot be binned at all).

loses: q3_rules_tests
"""
# %% q3
def add_features(df):
    out = df.copy()
    total_charge = df.filter(like="_charge").sum(axis=1)
    intl_plan = df["international_plan"].eq("yes")
    out["total_charge"] = total_charge
    out["bill_decile"] = pd.qcut(total_charge, 10, labels=False)  # deciles of *this* frame
    out["top_bill_decile"] = out["bill_decile"] == 9
    out["many_service_calls"] = df["number_customer_service_calls"] >= 4
    out["intl_plan_minutes"] = intl_plan * df["total_intl_minutes"]
    out["intl_plan_few_calls"] = intl_plan & (df["total_intl_calls"] < 3)
    out["intl_plan_heavy_use"] = intl_plan & (df["total_intl_minutes"] > 13)
    out["no_voicemail_bill"] = df["voice_mail_plan"].eq("no") * total_charge
    return out


engineered_cv = cv_auc(fit_logistic_with(add_features), train)
