"""Adds the notebook's test images to the training data "to use all the data": the test score
becomes a memory test, and the function uses data it was not given.

loses: q3_tests, q4_tests
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
    X_all = np.concatenate([X, X_test])
    y_all = np.concatenate([y, y_test])
    return model.fit(X_all, y_all, epochs=epochs, batch_size=batch_size, verbose=0)


model = build_cnn()
history = train(model, X_train, y_train)
