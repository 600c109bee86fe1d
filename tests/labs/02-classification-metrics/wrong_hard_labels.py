"""Returns 0/1 predictions instead of probabilities: ROC-AUC can only see one threshold.

loses: q3_tests q4_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = ColumnTransformer([
        ("num", StandardScaler(), ["balance", "income"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["student"]),
    ])
    model = make_pipeline(features, LogisticRegression(max_iter=1000))
    return model.fit(train_df, (train_df["default"] == "Yes").astype(int))


def predict_proba(model, df):
    return model.predict(df).astype(float)


model = fit(train)
