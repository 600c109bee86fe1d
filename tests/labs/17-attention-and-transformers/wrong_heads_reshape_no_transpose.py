"""Heads split by reshaping (b, T, h*d_k) straight to (b, h, T, d_k): positions mix into heads.

loses: q3_tests
"""
# %% q3
def multi_head_attention(x_q, x_kv, w, num_heads, mask=None):
    d_model, heads, d_k = w["wq"].shape
    b, t_q, t_kv = x_q.shape[0], x_q.shape[1], x_kv.shape[1]

    def project(x, name, t):
        flat = x @ w["w" + name].reshape(d_model, heads * d_k) + w["b" + name].reshape(-1)
        return flat.reshape(b, heads, t, d_k)

    q, k, v = project(x_q, "q", t_q), project(x_kv, "k", t_kv), project(x_kv, "v", t_kv)
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        mask = mask[:, None] if mask.ndim == 3 else mask
    out, _ = attention(q, k, v, mask)
    merged = out.transpose(0, 2, 1, 3).reshape(b, t_q, heads * d_k)
    return merged @ w["wo"].reshape(heads * d_k, d_model) + w["bo"]
