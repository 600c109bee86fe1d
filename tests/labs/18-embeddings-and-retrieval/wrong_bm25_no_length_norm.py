"""BM25 without length normalisation: b is ignored, long documents are not discounted.

loses: q2_tests
"""
# %% q2
def fit_bm25(docs, k1=1.2, b=0.75):
    tokens = [tokenize(d) for d in docs]
    vocab = {w: j for j, w in enumerate(sorted({w for t in tokens for w in t}))}
    rows = [i for i, t in enumerate(tokens) for _ in t]
    cols = [vocab[w] for t in tokens for w in t]
    tf = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(docs), len(vocab)))
    tf.sum_duplicates()                                        # term counts per document
    n = len(docs)
    df = np.bincount(tf.indices, minlength=len(vocab))         # documents holding each term
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    length = np.asarray(tf.sum(axis=1)).ravel()
    norm = k1 * np.ones_like(length)                         # no length normalisation
    weights = tf.copy()
    per_row = np.repeat(np.arange(n), np.diff(tf.indptr))
    weights.data = tf.data * (k1 + 1) / (tf.data + norm[per_row]) * idf[tf.indices]
    return {"vocab": vocab, "weights": weights.tocsc()}


def bm25_scores(index, queries):
    vocab, weights = index["vocab"], index["weights"]
    out = np.zeros((len(queries), weights.shape[0]))
    for i, text in enumerate(queries):
        terms = sorted({vocab[w] for w in tokenize(text) if w in vocab})   # distinct, known
        if terms:
            out[i] = np.asarray(weights[:, terms].sum(axis=1)).ravel()
    return out
