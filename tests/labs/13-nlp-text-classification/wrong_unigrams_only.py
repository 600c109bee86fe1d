"""A unigram TF-IDF vectorizer: one weight per word cannot express that "not" flips both "good"
and "bad".

loses: q4_tests
"""
# %% q4
from sklearn.feature_extraction.text import TfidfVectorizer


def make_vectorizer():
    return TfidfVectorizer(sublinear_tf=True)
