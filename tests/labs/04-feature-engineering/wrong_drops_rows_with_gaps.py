"""Cleans the data by dropping every row with a gap and keeps no imputer: the model trains, but
cannot score an applicant who has a gap.

loses: q3_tests q3_leak_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

_NUMBERS = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
_WORDS = ["Home", "Marital", "Records", "Job"]


def fit(train_df):
    complete = train_df.dropna()
    encode = ColumnTransformer([("numeric", StandardScaler(), _NUMBERS),
                                ("text", OneHotEncoder(handle_unknown="ignore"), _WORDS)])
    model = make_pipeline(encode, LogisticRegression(max_iter=1000))
    return model.fit(complete, (complete["Status"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df)[:, 1]


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
