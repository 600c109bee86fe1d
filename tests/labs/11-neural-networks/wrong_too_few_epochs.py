"""Stops after 2 epochs: the network underfits (loss still falling, accuracy below the bar).

loses: q2_tests
"""
# %% q2
from sklearn.model_selection import train_test_split


def train(model, X, y):
    X_fit, X_val, y_fit, y_val = train_test_split(X, y, test_size=0.2, stratify=y,
                                                  random_state=0)
    return model.fit(X_fit, y_fit, validation_data=(X_val, y_val),
                     epochs=2, batch_size=64, verbose=0)


model = build_model()
history = train(model, X_train, y_train)
