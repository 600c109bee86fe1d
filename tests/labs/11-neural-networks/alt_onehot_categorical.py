"""One-hot labels with categorical cross-entropy, dropout, a shuffled validation_split, and a
two-layer network trained on every row for the repair: all correct too."""
# %% q1
def build_model():
    net = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(10),
        keras.layers.Softmax(),
    ])
    net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return net


model = build_model()
# %% q2
def train(model, X, y):
    rows = np.random.default_rng(1).permutation(len(X))
    one_hot = keras.utils.to_categorical(y, num_classes=10)
    return model.fit(X[rows], one_hot[rows], validation_split=0.25, epochs=30, batch_size=32,
                     verbose=0)


model = build_model()
history = train(model, X_train, y_train)
# %% q3
def fit(X, y):
    net = keras.Sequential([keras.Input(shape=(64,)),
                            keras.layers.Dense(128, activation="relu"),
                            keras.layers.Dense(64, activation="relu"),
                            keras.layers.Dense(10, activation="softmax")])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    net.fit(X, y, epochs=25, batch_size=32, shuffle=True, verbose=0)
    return net


fixed = fit(X_by_label, y_by_label)
