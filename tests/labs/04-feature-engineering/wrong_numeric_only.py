"""Models the numeric columns only (imputed, with indicators, scaled) and drops the text columns,
losing Records and Job, two of the strongest signals.

loses: q3_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

_NUMBERS = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]


def fit(train_df):
    numbers = ColumnTransformer([("numeric", make_pipeline(
        SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), _NUMBERS)])
    model = make_pipeline(numbers, LogisticRegression(max_iter=1000))
    return model.fit(train_df, (train_df["Status"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df)[:, 1]


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
