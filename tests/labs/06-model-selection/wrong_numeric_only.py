"""Fits the logistic regression on the numeric columns only: international_plan and
voice_mail_plan, two of the strongest signals, never reach the model.

loses: q1_tests
"""
# %% q1
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler


def _numbers(df):
    return df.drop(columns=["churn", "rownames"], errors="ignore").select_dtypes("number")


def fit_linear(train_df):
    model = make_pipeline(FunctionTransformer(_numbers), StandardScaler(),
                          LogisticRegression(max_iter=2000))
    return model.fit(train_df, (train_df["churn"] == "yes").astype(int))


linear_model = fit_linear(train)
