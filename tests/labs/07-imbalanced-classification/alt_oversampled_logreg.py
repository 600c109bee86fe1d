"""Logistic regression inside the OversampledClassifier, scored with cross_val_score and
thresholded on cross_val_predict output: also right."""
# %% q2
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def _model():
    return OversampledClassifier(
        make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=2000)), ratio=0.5)


def _xy(df):
    return df.drop(columns=["Purchase", "rownames"]), (df["Purchase"] == "Yes").astype(int)


def fit(train_df):
    return _model().fit(*_xy(train_df))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Purchase", "rownames"], errors="ignore"))[:, 1]


model = fit(train)
p_test = predict_proba(model, test)
# %% q3
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_val_score


def cv_pr_auc(train_df):
    folds = StratifiedKFold(5, shuffle=True, random_state=4)
    return float(cross_val_score(_model(), *_xy(train_df), cv=folds,
                                 scoring="average_precision").mean())


estimate = cv_pr_auc(train)
# %% q4
def choose_threshold(model, train_df):
    X, y = _xy(train_df)
    folds = StratifiedKFold(5, shuffle=True, random_state=5)
    p = cross_val_predict(_model(), X, y, cv=folds, method="predict_proba")[:, 1]
    candidates = np.unique(p)
    costs = [expected_cost(y, p >= t) for t in candidates]
    return float(candidates[int(np.argmin(costs))])


threshold = choose_threshold(model, train)
