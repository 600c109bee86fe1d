"""Builds and compiles the network once and hands out that same model on every call, so a
second training starts from the weights of the first instead of a new model.

loses: q1_tests
"""
# %% q1
_built = []


def build_model():
    if not _built:
        net = keras.Sequential([
            keras.Input(shape=(64,)),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ])
        net.compile(keras.optimizers.Adam(learning_rate=0.003), "sparse_categorical_crossentropy",
                    metrics=["accuracy"])
        _built.append(net)
    return _built[0]


model = build_model()
print(f"{model.count_params():,} weights; output shape {model.output_shape}")
