"""Top-p keeps the tokens whose cumulative probability stays below p, not the one crossing it.

loses: q5_tests
"""
# %% q5
def sample(logits, rng, n=1, temperature=1.0, top_k=None, top_p=None):
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return np.full(n, np.argmax(logits), dtype=np.int64)
    probs = softmax(logits / temperature)
    order = np.argsort(-probs)
    keep = np.ones(len(probs), dtype=bool)
    if top_k is not None:
        keep[order[top_k:]] = False
    if top_p is not None:
        kept = np.where(keep[order], probs[order], 0.0)
        cumulative = np.cumsum(kept) / kept.sum()
        keep[order[cumulative > top_p]] = False
        keep[order[0]] = True
    probs = np.where(keep, probs, 0.0)
    return rng.choice(len(probs), size=n, p=probs / probs.sum()).astype(np.int64)
