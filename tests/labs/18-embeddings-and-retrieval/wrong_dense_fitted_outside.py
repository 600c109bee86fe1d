"""LSA fitted once on every text the notebook holds (documents and queries); fit_dense only keeps
that model, whatever documents it is given.

loses: q3_tests
"""
# %% q3
_everything = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
_matrix = _everything.fit_transform(docs + queries)
_svd = TruncatedSVD(n_components=256, random_state=0).fit(_matrix)


def fit_dense(docs, dim=256, seed=0):
    return {"vectorizer": _everything, "svd": _svd}


def encode(model, texts):
    return normalize(model["svd"].transform(model["vectorizer"].transform(texts)))
