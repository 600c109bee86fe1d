"""An unweighted logistic regression mailed at the default threshold 0.5: almost nobody gets
mailed, so the campaign costs what mailing nobody costs.

loses: q4_tests
"""
# %% q2
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Purchase", "rownames"])
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=2000))
    return model.fit(features, (train_df["Purchase"] == "Yes").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Purchase", "rownames"], errors="ignore"))[:, 1]


model = fit(train)
p_test = predict_proba(model, test)
# %% q4
def choose_threshold(model, train_df):
    return 0.5


threshold = choose_threshold(model, train)
