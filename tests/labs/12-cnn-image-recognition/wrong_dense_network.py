"""A dense network (Flatten, Dense, Dense) instead of a CNN: accurate on centred digits, but no
convolution, and (augmented or not) it is not the architecture the round asks for.

loses: q3_arch_tests, q4_tests
"""
# %% q3
def build_cnn():
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def train(model, X, y, epochs=15, batch_size=32):
    return model.fit(X, y, epochs=epochs, batch_size=batch_size, verbose=0)


model = build_cnn()
history = train(model, X_train, y_train)
