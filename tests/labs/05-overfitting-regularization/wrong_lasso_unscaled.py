"""Fits lasso and ridge on the raw polynomial features: without standardizing, the penalty
barely touches the coefficients of large-valued columns, so lasso keeps almost all of them.

loses: q4_tests
"""
# %% q4
from sklearn.linear_model import Lasso, Ridge
from sklearn.preprocessing import PolynomialFeatures


def nonzero_counts(train_df, alphas):
    X = PolynomialFeatures(degree=2, include_bias=False).fit_transform(train_df[CONCRETE_FEATURES])
    y = train_df[CONCRETE_TARGET].to_numpy()
    counts = {}
    for alpha in alphas:
        lasso = Lasso(alpha=alpha, max_iter=20_000).fit(X, y)
        ridge = Ridge(alpha=alpha).fit(X, y)
        counts[alpha] = {"lasso": int(np.sum(np.abs(lasso.coef_) > 1e-8)),
                         "ridge": int(np.sum(np.abs(ridge.coef_) > 1e-8))}
    return pd.DataFrame.from_dict(counts, orient="index")


counts = nonzero_counts(concrete_train, [0.01, 0.1, 1.0, 10.0])
