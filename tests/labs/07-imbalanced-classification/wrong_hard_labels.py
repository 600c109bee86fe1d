"""Returns hard 0/1 predictions instead of probabilities: the ranking collapses to two ties, and
PR-AUC with it.

loses: q2_tests
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
    return model.predict(df.drop(columns=["Purchase", "rownames"], errors="ignore")).astype(float)


model = fit(train)
p_test = predict_proba(model, test)
