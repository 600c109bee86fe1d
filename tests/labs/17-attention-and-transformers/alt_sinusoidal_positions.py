"""Fixed sinusoidal positional encodings instead of learned ones, and a sampler that draws among the
kept tokens only with rng.choice: also right."""
# %% q4
class Sinusoidal(layers.Layer):
    """Adds the fixed sin/cos encoding of each position (Vaswani et al.) to the embeddings."""

    def __init__(self, seq_len, d_model, **kwargs):
        super().__init__(**kwargs)
        position = np.arange(seq_len)[:, None]
        rate = 1.0 / 10000 ** (np.arange(0, d_model, 2) / d_model)
        table = np.zeros((seq_len, d_model), dtype="float32")
        table[:, 0::2] = np.sin(position * rate)
        table[:, 1::2] = np.cos(position * rate)
        self.table = table

    def call(self, x):
        return x + ops.convert_to_tensor(self.table)[None, : ops.shape(x)[1]]


def build_order_model(d_model=32):
    tokens = keras.Input(shape=(SEQ_LEN,), dtype="int32")
    x = Sinusoidal(SEQ_LEN, d_model)(layers.Embedding(VOCAB, d_model)(tokens))
    return compiled(keras.Model(tokens, order_head(transformer_block(x, d_model=d_model))))
# %% q5
def sample(logits, rng, n=1, temperature=1.0, top_k=None, top_p=None):
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return np.full(n, int(np.argmax(logits)), dtype=np.int64)
    probs = softmax(logits / temperature)
    ranked = sorted(range(len(probs)), key=lambda i: -probs[i])[: top_k or len(probs)]
    if top_p is not None:
        total, kept, mass = sum(probs[i] for i in ranked), [], 0.0
        for i in ranked:
            kept.append(i)
            mass += probs[i] / total
            if mass >= top_p:
                break
        ranked = kept
    chosen = np.array(ranked)
    weights = probs[chosen] / probs[chosen].sum()
    return chosen[rng.choice(len(chosen), size=n, p=weights)].astype(np.int64)
