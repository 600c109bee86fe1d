"""Keeps the training vocabulary but recomputes the IDF weights on the reviews being scored
(fit_transform on the batch): the metrics barely move, but one review's probability now depends on
the other reviews in the batch.

loses: q3_robust_tests
"""
# %% q3
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def fit(train_df):
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vectorizer.fit_transform(train_df["review"].fillna(""))
    classifier = LogisticRegression(C=4.0, max_iter=1000).fit(X, train_df["score"] == "great")
    return vectorizer.vocabulary_, classifier


def predict_proba(model, df):
    vocabulary, classifier = model
    batch = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, vocabulary=vocabulary)
    return classifier.predict_proba(batch.fit_transform(df["review"].fillna("")))[:, 1]


model = fit(train)
