"""Reciprocal rank averaged over every relevant document's rank, not the first one's.

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
    ranks = [rank for rank, doc in enumerate(ranked, start=1) if doc in relevant]
    return float(np.mean([1 / r for r in ranks])) if ranks else 0.0


def ndcg_at_k(ranked, gains, k):
    ideal = sorted((g for g in gains.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / np.log2(i + 2) for i, g in enumerate(ideal))
    if idcg == 0:
        return float("nan")
    return sum(gains.get(d, 0) / np.log2(i + 2) for i, d in enumerate(list(ranked)[:k])) / idcg
