"""Chooses ridge's alpha by the RMSE on the course's test split: tuning on the test set (and,
for the grader's rows, reloading data it was not given).

loses: q3_tests
"""
# %% q3
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def fit_regularized(train_df):
    _, held_out = data.split("concrete")
    X, y = train_df[CONCRETE_FEATURES], train_df[CONCRETE_TARGET]
    best = None
    for alpha in np.logspace(-3, 3, 13):
        model = make_pipeline(PolynomialFeatures(degree=3), StandardScaler(), Ridge(alpha=alpha))
        model.fit(X, y)
        error = rmse(held_out[CONCRETE_TARGET], model.predict(held_out[CONCRETE_FEATURES]))
        if best is None or error < best[0]:
            best = (error, model)
    return best[1]


model = fit_regularized(concrete_train)
