"""Ends in Dense(10, sigmoid): trains and classifies well, but the outputs are not probabilities.

loses: q1_tests
"""
# %% q1
def build_model():
    net = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="sigmoid"),
    ])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return net


model = build_model()
