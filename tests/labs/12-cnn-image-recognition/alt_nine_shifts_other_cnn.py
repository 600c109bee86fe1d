"""Another valid route throughout: pixel columns picked by name, a padded-then-cropped shift, a
CNN with one wider convolution and a small dense head, and augmentation with all nine shifts
(diagonals included)."""
# %% q1
def to_images(df):
    pixels = df.filter(regex=r"^pixel_\d_\d$").to_numpy().astype(np.float32) / 16
    return pixels.reshape(len(df), 8, 8, 1), np.asarray(df["target"], dtype=int)


X_train, y_train = to_images(train_df)
X_test, y_test = to_images(test_df)
# %% q2
def shift(images, dy, dx):
    padded = np.pad(images, ((0, 0), (8, 8), (8, 8), (0, 0)))
    return padded[:, 8 - dy:16 - dy, 8 - dx:16 - dx].copy()
# %% q3
def build_cnn():
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def train(model, X, y, epochs=15, batch_size=32):
    return model.fit(X, y, epochs=epochs, batch_size=batch_size, verbose=0)


model = build_cnn()
history = train(model, X_train, y_train)
# %% q4
def fit_robust(X, y):
    moves = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    X_more = np.concatenate([shift(X, dy, dx) for dy, dx in moves])
    y_more = np.tile(y, len(moves))
    robust = build_cnn()
    robust.compile(optimizer=keras.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy")
    train(robust, X_more, y_more, epochs=3, batch_size=64)
    return robust


robust_model = fit_robust(X_train, y_train)
