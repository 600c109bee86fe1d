"""Temperature multiplies the logits instead of dividing them: 2 sharpens and 0.5 flattens.

loses: q5_tests
"""
# %% q5
def sample(logits, rng, n=1, temperature=1.0, top_k=None, top_p=None):
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return np.full(n, np.argmax(logits), dtype=np.int64)
    probs = softmax(logits * temperature)
    order = np.argsort(-probs)
    keep = np.ones(len(probs), dtype=bool)
    if top_k is not None:
        keep[order[top_k:]] = False
    if top_p is not None:
        kept = np.where(keep[order], probs[order], 0.0)
        before = np.cumsum(kept) - kept
        keep[order[before >= top_p * kept.sum()]] = False
    probs = np.where(keep, probs, 0.0)
    return rng.choice(len(probs), size=n, p=probs / probs.sum()).astype(np.int64)
