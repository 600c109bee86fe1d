"""Banded features (fixed bill and call bands, one-hot by the probe), 3-fold plain KFold for the
estimate, and the engineered logistic regression as the final model: the linear route, also
correct."""
# %% q2
from sklearn.model_selection import KFold


def cv_auc(fit_fn, train_df):
    scores = []
    for fit_rows, val_rows in KFold(3, shuffle=True, random_state=1).split(train_df):
        model = fit_fn(train_df.iloc[fit_rows])
        held_out = train_df.iloc[val_rows]
        truth = (held_out["churn"] == "yes").astype(int)
        scores.append(roc_auc_score(truth, churn_proba(model, held_out)))
    return float(np.mean(scores))


linear_cv = cv_auc(fit_linear, train)
# %% q3
BILL_BANDS = [-np.inf, 50, 58, 66, 72, 78, np.inf]


def add_features(df):
    out = df.copy()
    bill = df[[c for c in df.columns if c.endswith("_charge")]].sum(axis=1)
    plan = df["international_plan"] == "yes"
    out["bill_band"] = pd.cut(bill, BILL_BANDS).astype(str)
    out["calls_band"] = np.where(df["number_customer_service_calls"] >= 4, "4+", "0-3")
    out["plan_heavy_intl"] = plan & (df["total_intl_minutes"] > 13)
    out["plan_few_intl_calls"] = plan & (df["total_intl_calls"] <= 2)
    return out


engineered_cv = cv_auc(fit_logistic_with(add_features), train)
# %% q4
def fit_best(train_df):
    return fit_logistic_with(add_features)(train_df)


best_model = fit_best(train)
