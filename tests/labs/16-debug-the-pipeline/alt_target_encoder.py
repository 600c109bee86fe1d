"""Keeps the grade-and-state bad rate, learned the honest way: an out-of-fold TargetEncoder fitted
inside the pipeline on training loans; tuning and estimate through scikit-learn's CV helpers."""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import (FunctionTransformer, OneHotEncoder, StandardScaler,
                                   TargetEncoder)

FEATURES = [c for c in train.columns if c not in ("Class", "rownames")]
TEXT = ["term", "sub_grade", "addr_state", "verification_status", "emp_length"]


def _with_grade_state(X):
    return X.assign(grade_state=X["sub_grade"] + "_" + X["addr_state"])


def _pipeline(C=0.1):
    encode = ColumnTransformer([
        ("num", StandardScaler(), make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), TEXT),
        ("rate", TargetEncoder(target_type="binary", random_state=0), ["grade_state"]),
    ])
    return make_pipeline(FunctionTransformer(_with_grade_state), encode,
                         LogisticRegression(C=C, max_iter=1000))


def fit(train_df, C=0.1):
    return _pipeline(C).fit(train_df[FEATURES], train_df["Class"] == "bad")


def predict_proba(model, df):
    return model.predict_proba(df[FEATURES])[:, 1]


model = fit(train)
# %% q2
from sklearn.model_selection import GridSearchCV, StratifiedKFold


def choose_C(train_df):
    search = GridSearchCV(_pipeline(), {"logisticregression__C": list(C_GRID)},
                          scoring="roc_auc", refit=False,
                          cv=StratifiedKFold(3, shuffle=True, random_state=1))
    search.fit(train_df[FEATURES], train_df["Class"] == "bad")
    return search.best_params_["logisticregression__C"]


best_C = choose_C(train)
# %% q3
def honest_estimate(train_df, C=0.1):
    folds = StratifiedKFold(5, shuffle=True, random_state=2)
    return float(cross_val_score(_pipeline(C), train_df[FEATURES], train_df["Class"] == "bad",
                                 scoring="roc_auc", cv=folds).mean())


estimate = honest_estimate(train)
# %% q4
from sklearn.metrics import auc, precision_recall_curve, roc_curve


def evaluate(y_true, p_bad):
    fpr, tpr, _ = roc_curve(y_true, p_bad)
    precision, recall, _ = precision_recall_curve(y_true, p_bad)
    return {"roc_auc": auc(fpr, tpr), "pr_auc": auc(recall, precision)}


report = evaluate(y_test, predict_proba(model, test))
