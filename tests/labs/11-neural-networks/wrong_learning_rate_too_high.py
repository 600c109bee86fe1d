"""Compiles with Adam at learning rate 10: every step overshoots and the loss never falls.

loses: q2_tests
"""
# %% q1
def build_model():
    net = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=10.0),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return net


model = build_model()
