"""BM25 whose document frequencies and average length are counted over the documents and the
queries of the call, refitted at query time.

loses: q2_tests q5_tests
"""
# %% q2
def fit_bm25(docs, k1=1.2, b=0.75):
    return {"docs": list(docs), "k1": k1, "b": b}


def bm25_scores(index, queries):
    texts = index["docs"] + list(queries)                  # the queries join the statistics
    tokens = [tokenize(t) for t in texts]
    vocab = {w: j for j, w in enumerate(sorted({w for t in tokens for w in t}))}
    tf = np.zeros((len(texts), len(vocab)))
    for i, t in enumerate(tokens):
        for w in t:
            tf[i, vocab[w]] += 1
    df = (tf > 0).sum(axis=0)
    idf = np.log(1 + (len(texts) - df + 0.5) / (df + 0.5))
    length = tf.sum(axis=1)
    k1, b = index["k1"], index["b"]
    n = len(index["docs"])
    part = tf[:n] * (k1 + 1) / (tf[:n] + k1 * (1 - b + b * length[:n, None] / length.mean())) * idf
    out = np.zeros((len(queries), n))
    for i, q in enumerate(queries):
        terms = sorted({vocab[w] for w in tokenize(q)})
        out[i] = part[:, terms].sum(axis=1)
    return out
