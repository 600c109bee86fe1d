"""Gradient boosting on ordinal-encoded categories, cross-validated as a pipeline: also honest."""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def _pipeline():
    encode = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
          make_column_selector(dtype_include=object))],
        remainder="passthrough")
    return make_pipeline(encode, HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.05, max_depth=3, random_state=0))


def fit(train_df):
    features = train_df.drop(columns=["Class", "rownames"])
    return _pipeline().fit(features, (train_df["Class"] == "bad").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df.drop(columns=["Class", "rownames"], errors="ignore"))[:, 1]


model = fit(train)
# %% q2
def cv_auc(train_df):
    folds = StratifiedKFold(5, shuffle=True, random_state=3)
    scores = cross_val_score(_pipeline(), train_df.drop(columns=["Class", "rownames"]),
                             (train_df["Class"] == "bad").astype(int), cv=folds,
                             scoring="roc_auc")
    return float(np.mean(scores))


estimate = cv_auc(train)
