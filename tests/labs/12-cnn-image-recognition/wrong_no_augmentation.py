"""Trains the Q3 CNN on the plain training images and calls it robust: conv + flatten is right
less than 60 % of the time on digits moved by one pixel.

loses: q4_tests
"""
# %% q4
def fit_robust(X, y):
    robust = build_cnn()
    train(robust, X, y)
    return robust


robust_model = fit_robust(X_train, y_train)
