"""A softmax through logsumexp, masks as a -1e9 score, heads by matmul + reshape + transpose, a
cumulative-sum sampler drawing uniforms, and a cache grown by stacking: also right."""
# %% q1
def softmax(x, axis=-1):
    x = np.asarray(x, dtype=float)
    top = np.max(x, axis=axis, keepdims=True)
    log_norm = top + np.log(np.sum(np.exp(x - top), axis=axis, keepdims=True))
    return np.exp(x - log_norm)
# %% q2
def causal_mask(T):
    rows, cols = np.indices((T, T))
    return cols <= rows


def attention(q, k, v, mask=None):
    scores = np.einsum("...qd,...kd->...qk", q, k) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -1e9)
    weights = softmax(scores)
    return np.einsum("...qk,...kd->...qd", weights, v), weights
# %% q3
def multi_head_attention(x_q, x_kv, w, num_heads, mask=None):
    d_model, heads, d_k = w["wq"].shape

    def split(x, name):
        flat = x @ w["w" + name].reshape(d_model, heads * d_k) + w["b" + name].reshape(-1)
        return flat.reshape(x.shape[0], x.shape[1], heads, d_k).transpose(0, 2, 1, 3)

    if mask is not None:
        mask = np.expand_dims(np.asarray(mask, dtype=bool), -3)
    out, _ = attention(split(x_q, "q"), split(x_kv, "k"), split(x_kv, "v"), mask)
    merged = out.transpose(0, 2, 1, 3).reshape(x_q.shape[0], x_q.shape[1], heads * d_k)
    return merged @ w["wo"].reshape(heads * d_k, d_model) + w["bo"]
# %% q5
def sample(logits, rng, n=1, temperature=1.0, top_k=None, top_p=None):
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return np.repeat(np.int64(np.argmax(logits)), n)
    p = softmax(logits / temperature)
    ranked = np.argsort(p)[::-1]
    if top_k is not None:
        ranked = ranked[:top_k]
    if top_p is not None:
        mass = np.cumsum(p[ranked]) / p[ranked].sum()
        ranked = ranked[:np.searchsorted(mass, top_p) + 1]
    kept = p[ranked] / p[ranked].sum()
    picks = np.searchsorted(np.cumsum(kept), rng.random(n) * kept.sum(), side="right")
    return ranked[np.minimum(picks, len(ranked) - 1)].astype(np.int64)
# %% q6
def decode_step(x_t, cache, w, num_heads):
    new = {name: np.einsum("bd,dhk->bhk", x_t, w["w" + name]) + w["b" + name] for name in "qkv"}
    if cache is None:
        cache = {"k": new["k"][:, :, None], "v": new["v"][:, :, None]}
    else:
        cache = {name: np.concatenate([cache[name], new[name][:, :, None]], axis=2)
                 for name in "kv"}
    scores = np.einsum("bhk,bhtk->bht", new["q"], cache["k"]) / np.sqrt(new["q"].shape[-1])
    weights = softmax(scores)
    heads = np.einsum("bht,bhtk->bhk", weights, cache["v"])
    return np.einsum("bhk,hkd->bd", heads, w["wo"]) + w["bo"], cache
