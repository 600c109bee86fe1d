"""RidgeCV straight on the polynomial features, unscaled: cement cubed is in the millions and
superplasticizer in single digits, so the penalty falls on the wrong coefficients.

loses: q3_tests
"""
# %% q3
from sklearn.linear_model import RidgeCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures


def fit_regularized(train_df):
    model = make_pipeline(PolynomialFeatures(degree=3), RidgeCV(alphas=np.logspace(-3, 3, 13)))
    return model.fit(train_df[CONCRETE_FEATURES], train_df[CONCRETE_TARGET])


model = fit_regularized(concrete_train)
