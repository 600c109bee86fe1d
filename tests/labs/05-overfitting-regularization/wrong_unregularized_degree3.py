"""Degree-3 polynomial features with plain least squares: no penalty, so on a few hundred rows
the 164 coefficients fit the noise.

loses: q3_tests
"""
# %% q3
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def fit_regularized(train_df):
    model = make_pipeline(PolynomialFeatures(degree=3), StandardScaler(), LinearRegression())
    return model.fit(train_df[CONCRETE_FEATURES], train_df[CONCRETE_TARGET])


model = fit_regularized(concrete_train)
