"""Uses validation_split=0.2 on the rows as given: on label-sorted rows it holds only 8s and 9s.

loses: q2_val_tests
"""
# %% q2
def train(model, X, y):
    return model.fit(X, y, validation_split=0.2, epochs=20, batch_size=64, verbose=0)


model = build_model()
history = train(model, X_train, y_train)
