"""Augmentation inside the model: a RandomTranslation layer moves each training image by up to a
pixel on the fly (it is inactive at prediction time); no augmented copies are stored."""
# %% q4
def fit_robust(X, y):
    robust = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.RandomTranslation(0.125, 0.125, fill_mode="constant", interpolation="nearest",
                                 seed=0),
        layers.Conv2D(16, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
    robust.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),
                   loss="sparse_categorical_crossentropy")
    robust.fit(X, y, epochs=20, batch_size=32, verbose=0)
    return robust


robust_model = fit_robust(X_train, y_train)
