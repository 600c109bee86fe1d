"""nDCG whose ideal ranking re-sorts the retrieved list only, so a list missing the best
documents can still score 1.

loses: q1_tests
"""
# %% q1
def top_k(scores, k):
    return np.argsort(-np.asarray(scores, dtype=float), axis=-1, kind="stable")[..., :k]


def recall_at_k(ranked, relevant, k):
    relevant = set(relevant)
    if not relevant:
        return float("nan")
    return len(set(list(ranked)[:k]) & relevant) / len(relevant)


def reciprocal_rank(ranked, relevant):
    relevant = set(relevant)
    if not relevant:
        return float("nan")
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked, gains, k):
    ideal = sorted((gains.get(d, 0) for d in list(ranked)[:k]), reverse=True)
    idcg = sum(g / np.log2(i + 2) for i, g in enumerate(ideal))
    if idcg == 0:
        return float("nan")
    return sum(gains.get(d, 0) / np.log2(i + 2) for i, d in enumerate(list(ranked)[:k])) / idcg
