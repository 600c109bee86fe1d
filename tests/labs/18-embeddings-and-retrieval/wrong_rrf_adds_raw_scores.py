"""Hybrid by adding raw scores: BM25 plus cosine, so BM25's scale decides the ranking.

loses: q5_tests
"""
# %% q5
def rrf_fuse(score_matrices, k=60):
    return sum(np.atleast_2d(np.asarray(s, dtype=float)) for s in score_matrices)
