"""validation_curve for the depth sweep, GridSearchCV with 10 folds for the depth, LassoCV over
polynomial features, and the exact LARS lasso for the counts: all correct.
"""
# %% q1
from sklearn.model_selection import validation_curve


def depth_curve(train_df, depths):
    X, y = credit_features(train_df), credit_target(train_df)
    depths = list(depths)
    _, cv_scores = validation_curve(make_tree(None), X, y, param_name="max_depth",
                                    param_range=depths, cv=5, scoring="roc_auc")
    train_scores = [roc_auc_score(y, make_tree(d).fit(X, y).predict_proba(X)[:, 1])
                    for d in depths]
    return pd.DataFrame({"train_auc": train_scores, "cv_auc": cv_scores.mean(axis=1)},
                        index=pd.Index(depths, name="depth"))


curve = depth_curve(credit_train, DEPTHS)
# %% q2
from sklearn.model_selection import GridSearchCV, StratifiedKFold


def best_depth(train_df, depths=DEPTHS):
    search = GridSearchCV(make_tree(None), {"max_depth": list(depths)}, scoring="roc_auc",
                          cv=StratifiedKFold(10, shuffle=True, random_state=1))
    search.fit(credit_features(train_df), credit_target(train_df))
    return int(search.best_params_["max_depth"])


chosen_depth = best_depth(credit_train)
# %% q3
from sklearn.linear_model import LassoCV
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def fit_regularized(train_df):
    lasso = LassoCV(alphas=20, cv=KFold(5, shuffle=True, random_state=0), max_iter=5000)
    model = make_pipeline(PolynomialFeatures(degree=3, include_bias=False), StandardScaler(), lasso)
    return model.fit(train_df[CONCRETE_FEATURES], train_df[CONCRETE_TARGET])


model = fit_regularized(concrete_train)
# %% q4
from sklearn.linear_model import LassoLars, Ridge
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def nonzero_counts(train_df, alphas):
    X = PolynomialFeatures(degree=2, include_bias=False).fit_transform(train_df[CONCRETE_FEATURES])
    X = StandardScaler().fit_transform(X)
    y = train_df[CONCRETE_TARGET].to_numpy()
    lasso = [int(np.count_nonzero(LassoLars(alpha=a).fit(X, y).coef_)) for a in alphas]
    ridge = [int(np.sum(np.abs(Ridge(alpha=a).fit(X, y).coef_) > 1e-8)) for a in alphas]
    return pd.DataFrame({"lasso": lasso, "ridge": ridge}, index=list(alphas))


counts = nonzero_counts(concrete_train, [0.01, 0.1, 1.0, 10.0])
