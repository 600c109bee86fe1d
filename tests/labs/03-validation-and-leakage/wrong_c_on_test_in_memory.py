"""fit chooses the logistic regression's C by the ROC-AUC on the notebook's own test loans,
already in memory (`test`, `y_test`): nothing is reloaded, so sealing the loaders does not stop
it, and the probabilities stay as good as the reference's — the test set has become part of
training.

loses: q1_tests q1_leak_tests q2_tests
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Class", "rownames"])
    target = (train_df["Class"] == "bad").astype(int)
    held_out = test.drop(columns=["Class", "rownames"])  # the notebook's test loans
    best = None
    for c in (0.03, 0.1, 0.3):
        preprocess = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
             make_column_selector(dtype_include="number")),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20),
             make_column_selector(dtype_include=object)),
        ])
        model = make_pipeline(preprocess, LogisticRegression(C=c, max_iter=2000))
        model.fit(features, target)
        score = roc_auc_score(y_test, model.predict_proba(held_out)[:, 1])
        if best is None or score > best[0]:
            best = (score, model)
    return best[1]


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Class", "rownames"], errors="ignore"))[:, 1]


model = fit(train)
