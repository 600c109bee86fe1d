"""The one-standard-error rule for the depth (the shallowest depth within one standard error of
the best), and ElasticNetCV over standardized polynomial features: both correct.
"""
# %% q2
from sklearn.model_selection import RepeatedStratifiedKFold


def best_depth(train_df, depths=DEPTHS):
    X, y = credit_features(train_df), credit_target(train_df)
    folds = RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=3)
    scores = {d: cross_val_score(make_tree(d), X, y, cv=folds, scoring="roc_auc") for d in depths}
    means = {d: s.mean() for d, s in scores.items()}
    top = max(means, key=means.get)
    bar = means[top] - scores[top].std() / np.sqrt(len(scores[top]))
    return int(min(d for d in depths if means[d] >= bar))


chosen_depth = best_depth(credit_train)
# %% q3
from sklearn.linear_model import ElasticNetCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def fit_regularized(train_df):
    net = ElasticNetCV(l1_ratio=[0.1, 0.5, 0.9], alphas=20, cv=5, max_iter=5000)
    model = make_pipeline(PolynomialFeatures(degree=3), StandardScaler(), net)
    return model.fit(train_df[CONCRETE_FEATURES], train_df[CONCRETE_TARGET])


model = fit_regularized(concrete_train)
