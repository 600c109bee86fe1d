"""train always runs 15 epochs with batches of 32, whatever epochs and batch_size the caller
passes: the signature promises the caller's numbers, and fit_robust's epochs=4 is ignored.

loses: q3_tests
"""
# %% q3
def build_cnn():
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(16, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def train(model, X, y, epochs=15, batch_size=32):
    return model.fit(X, y, epochs=15, batch_size=32, verbose=0)


model = build_cnn()
history = train(model, X_train, y_train)
test_accuracy = float(np.mean(np.argmax(model.predict(X_test, verbose=0), axis=1) == y_test))
