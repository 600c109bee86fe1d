"""Returns the probabilities as a pandas Series indexed like the rows, not the NumPy array the
contract asks for.

loses: q3_tests
"""
# %% q3
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def fit(train_df):
    model = make_pipeline(make_preprocessor(), LogisticRegression(max_iter=1000))
    features = train_df.drop(columns=["Status"])
    return model.fit(features, (train_df["Status"] == "bad").astype(int))


def predict_proba(model, df):
    p = model.predict_proba(df.drop(columns=["Status"], errors="ignore"))[:, 1]
    return pd.Series(p, index=df.index, name="p_bad")


model = fit(train)
print(f"test ROC-AUC: {roc_auc_score(y_test, predict_proba(model, test)):.3f}")
