"""The order model without positional embeddings: attention plus pooling sees a bag of tokens.

loses: q4_tests
"""
# %% q4
def build_order_model(d_model=32):
    tokens = keras.Input(shape=(SEQ_LEN,), dtype="int32")
    x = layers.Embedding(VOCAB, d_model)(tokens)
    return compiled(keras.Model(tokens, order_head(transformer_block(x, d_model=d_model))))
