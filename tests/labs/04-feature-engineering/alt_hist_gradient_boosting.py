"""Gradient boosting with ordinal-encoded categories and its own native handling of gaps: no
imputer, no scaler, no one-hot, and still a correct pipeline."""
# %% q3
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

_NUMBERS = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
_WORDS = ["Home", "Marital", "Records", "Job"]


def fit(train_df):
    encode = ColumnTransformer([
        # unseen categories become -1; gaps stay NaN, which the trees route on their own
        ("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), _WORDS),
        ("numeric", "passthrough", _NUMBERS),
    ])
    model = make_pipeline(encode, HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.05, max_depth=3, random_state=0))
    return model.fit(train_df, (train_df["Status"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df)[:, 1]


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
