"""Adds the notebook's test digits to the training rows "to use all the data".

loses: q2_tests q2_val_tests
"""
# %% q2
from sklearn.model_selection import train_test_split


def train(model, X, y):
    X_all, y_all = np.concatenate([X, X_test]), np.concatenate([y, y_test])
    X_fit, X_val, y_fit, y_val = train_test_split(X_all, y_all, test_size=0.2, stratify=y_all,
                                                  random_state=0)
    return model.fit(X_fit, y_fit, validation_data=(X_val, y_val),
                     epochs=20, batch_size=64, verbose=0)


model = build_model()
history = train(model, X_train, y_train)
