"""Uses bigrams but also removes English stop words: "not", "no" and "never" are on that list, so
"not good" turns back into "good".

loses: q4_tests
"""
# %% q4
from sklearn.feature_extraction.text import TfidfVectorizer


def make_vectorizer():
    return TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
