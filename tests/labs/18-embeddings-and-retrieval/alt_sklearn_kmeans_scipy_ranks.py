"""scikit-learn and SciPy do the work: CountVectorizer with the lab's tokenizer for BM25, KMeans for
the IVF cells, scipy.stats.rankdata for the fusion ranks, and NumPy metrics: also right."""
# %% q1
def top_k(scores, k):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        return np.lexsort((np.arange(len(scores)), -scores))[:k]
    return np.stack([top_k(row, k) for row in scores])


def recall_at_k(ranked, relevant, k):
    relevant = np.unique(np.asarray(list(relevant)))
    if relevant.size == 0:
        return np.nan
    return float(np.isin(relevant, np.asarray(list(ranked))[:k]).mean())


def reciprocal_rank(ranked, relevant):
    relevant = set(relevant)
    if not relevant:
        return np.nan
    hits = np.flatnonzero([doc in relevant for doc in ranked])
    return float(1 / (hits[0] + 1)) if hits.size else 0.0


def ndcg_at_k(ranked, gains, k):
    def dcg(values):
        values = np.asarray(values, dtype=float)[:k]
        return float((values / np.log2(np.arange(2, values.size + 2))).sum())

    best = dcg(sorted([g for g in gains.values() if g > 0], reverse=True))
    return np.nan if best == 0 else dcg([gains.get(doc, 0) for doc in ranked]) / best
# %% q2
from sklearn.feature_extraction.text import CountVectorizer


def fit_bm25(docs, k1=1.2, b=0.75):
    counter = CountVectorizer(tokenizer=tokenize, lowercase=False, token_pattern=None)
    tf = counter.fit_transform(docs).astype(float).tocsr()
    n = tf.shape[0]
    df = np.asarray((tf > 0).sum(axis=0)).ravel()
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    length = np.asarray(tf.sum(axis=1)).ravel()
    w = tf.tocoo()
    norm = k1 * (1 - b + b * length[w.row] / length.mean())
    w.data = w.data * (k1 + 1) / (w.data + norm) * idf[w.col]
    return {"counter": counter, "weights": w.tocsr()}


def bm25_scores(index, queries):
    present = index["counter"].transform(queries)
    present.data[:] = 1.0                                     # each distinct term once
    return (present @ index["weights"].T).toarray()
# %% q4
from sklearn.cluster import KMeans


def build_ivf(vectors, n_cells, seed=0):
    X = np.asarray(vectors, dtype=float)
    km = KMeans(n_clusters=n_cells, n_init=1, random_state=seed).fit(X)
    return {"centroids": km.cluster_centers_, "vectors": X,
            "lists": [np.flatnonzero(km.labels_ == c) for c in range(n_cells)]}


def ivf_search(index, queries, k, n_probe):
    from scipy.spatial.distance import cdist

    Q = np.asarray(queries, dtype=float)
    probes = np.argsort(cdist(Q, index["centroids"]), axis=1, kind="stable")[:, :n_probe]
    rows = []
    for q, cells in zip(Q, probes, strict=True):
        ids = np.sort(np.concatenate([index["lists"][c] for c in cells]))
        best = ids[top_k(index["vectors"][ids] @ q, k)]
        rows.append(np.concatenate([best, np.full(k - len(best), -1)]))
    return np.array(rows)


def recall_vs_exact(approx_ids, exact_ids):
    pairs = zip(np.atleast_2d(approx_ids), np.atleast_2d(exact_ids), strict=True)
    hits = [np.isin(e, a).mean() for a, e in pairs]
    return float(np.mean(hits))


ivf = build_ivf(doc_vectors, 16)
ivf_recall = recall_vs_exact(ivf_search(ivf, query_vectors, 10, n_probe=2),
                             top_k(query_vectors @ doc_vectors.T, 10))
# %% q5
from scipy.stats import rankdata


def rrf_fuse(score_matrices, k=60):
    fused = None
    for scores in score_matrices:
        scores = np.atleast_2d(np.asarray(scores, dtype=float))
        ranks = rankdata(-scores, method="ordinal", axis=1)   # ties by position: lower id first
        fused = 1 / (k + ranks) if fused is None else fused + 1 / (k + ranks)
    return fused
