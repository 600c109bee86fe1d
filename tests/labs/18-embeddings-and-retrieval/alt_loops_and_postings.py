"""Plain Python where it reads best: metrics in loops, BM25 over a dict of postings, k-means that
stops when the cells stop changing, and fusion by walking each ranking: also right."""
# %% q1
def top_k(scores, k):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 2:
        return np.array([top_k(row, k) for row in scores])
    return np.array(sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k])


def recall_at_k(ranked, relevant, k):
    relevant = set(relevant)
    if len(relevant) == 0:
        return float("nan")
    found = 0
    for doc in list(ranked)[:k]:
        found += doc in relevant
    return found / len(relevant)


def reciprocal_rank(ranked, relevant):
    if len(set(relevant)) == 0:
        return float("nan")
    return next((1 / (i + 1) for i, d in enumerate(ranked) if d in set(relevant)), 0.0)


def ndcg_at_k(ranked, gains, k):
    ideal = sorted([g for g in gains.values() if g > 0], reverse=True)
    idcg = sum(g / math.log2(r + 1) for r, g in enumerate(ideal[:k], start=1))
    if idcg == 0:
        return float("nan")
    top = enumerate(list(ranked)[:k], start=1)
    return sum(gains.get(d, 0) / math.log2(r + 1) for r, d in top) / idcg
# %% q2
from collections import Counter


def fit_bm25(docs, k1=1.2, b=0.75):
    counts = [Counter(tokenize(d)) for d in docs]
    lengths = [sum(c.values()) for c in counts]
    average = sum(lengths) / len(docs)
    postings = {}
    for i, c in enumerate(counts):
        for term, tf in c.items():
            postings.setdefault(term, []).append((i, tf))
    weights = {}
    for term, plist in postings.items():
        idf = math.log(1 + (len(docs) - len(plist) + 0.5) / (len(plist) + 0.5))
        weights[term] = [(i, idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[i] / average)))
                         for i, tf in plist]
    return {"weights": weights, "n": len(docs)}


def bm25_scores(index, queries):
    out = np.zeros((len(queries), index["n"]))
    for row, q in enumerate(queries):
        for term in set(tokenize(q)):
            for i, w in index["weights"].get(term, []):
                out[row, i] += w
    return out
# %% q4
def build_ivf(vectors, n_cells, seed=0):
    X = np.asarray(vectors, dtype=float)
    centroids = X[np.random.default_rng(seed).permutation(len(X))[:n_cells]].copy()
    cell = None
    for _ in range(100):
        new = np.argmin(((X[:, None, :] - centroids[None]) ** 2).sum(-1), axis=1)
        if cell is not None and np.array_equal(new, cell):
            break
        cell = new
        for c in range(n_cells):
            if (cell == c).any():
                centroids[c] = X[cell == c].mean(axis=0)
    cell = np.argmin(((X[:, None, :] - centroids[None]) ** 2).sum(-1), axis=1)
    return {"centroids": centroids, "lists": [np.where(cell == c)[0] for c in range(n_cells)],
            "X": X}


def ivf_search(index, queries, k, n_probe):
    out = []
    for q in np.asarray(queries, dtype=float):
        near = np.argsort(((index["centroids"] - q) ** 2).sum(1), kind="stable")[:n_probe]
        ids = sorted(i for c in near for i in index["lists"][c])
        scores = index["X"][ids] @ q
        best = [ids[j] for j in top_k(scores, k)]
        out.append(best + [-1] * (k - len(best)))
    return np.array(out)


def recall_vs_exact(approx_ids, exact_ids):
    total = 0.0
    for a, e in zip(np.atleast_2d(approx_ids), np.atleast_2d(exact_ids), strict=True):
        total += len(set(a.tolist()) & set(e.tolist())) / len(e)
    return total / len(np.atleast_2d(exact_ids))


ivf = build_ivf(doc_vectors, 16)
ivf_recall = recall_vs_exact(ivf_search(ivf, query_vectors, 10, n_probe=2),
                             top_k(query_vectors @ doc_vectors.T, 10))
# %% q5
def rrf_fuse(score_matrices, k=60):
    matrices = [np.atleast_2d(np.asarray(s, dtype=float)) for s in score_matrices]
    fused = np.zeros_like(matrices[0])
    for scores in matrices:
        for row in range(scores.shape[0]):
            for rank, doc in enumerate(top_k(scores[row], scores.shape[1]), start=1):
                fused[row, doc] += 1 / (k + rank)
    return fused
