"""Returns the first predict_proba column, the probability of *not* buying: the ranking is upside
down, and a cost threshold on it cannot beat the trivial policies.

loses: q2_tests q4_tests
"""
# %% q2
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Purchase", "rownames"])
    model = make_pipeline(StandardScaler(),
                          LogisticRegression(C=0.01, class_weight="balanced", max_iter=2000))
    return model.fit(features, (train_df["Purchase"] == "Yes").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Purchase", "rownames"], errors="ignore"))[:, 0]


model = fit(train)
p_test = predict_proba(model, test)
