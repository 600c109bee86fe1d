"""Dense vectors never normalised: the dot product of raw LSA vectors stands in for the cosine.

loses: q3_tests
"""
# %% q3
def fit_dense(docs, dim=256, seed=0):
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                 min_df=2)
    X = vectorizer.fit_transform(docs)                         # fitted on these docs only
    svd = TruncatedSVD(n_components=dim, random_state=seed).fit(X)
    return {"vectorizer": vectorizer, "svd": svd}


def encode(model, texts):
    vectors = model["svd"].transform(model["vectorizer"].transform(texts))
    return vectors
