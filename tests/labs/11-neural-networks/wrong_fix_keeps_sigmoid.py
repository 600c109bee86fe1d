"""Repairs the learning rate and the split but keeps the sigmoid output layer.

loses: q3_tests
"""
# %% q3
def fit(X, y):
    keras.utils.set_random_seed(0)
    net = keras.Sequential([keras.Input(shape=(64,)),
                            keras.layers.Dense(128, activation="relu"),
                            keras.layers.Dense(10, activation="sigmoid")])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    rows = np.random.default_rng(0).permutation(len(X))
    net.fit(X[rows], y[rows], validation_split=0.2, epochs=20, batch_size=64, verbose=0)
    return net


fixed = fit(X_by_label, y_by_label)
