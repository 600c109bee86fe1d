"""Fits the TF-IDF vocabulary and IDF weights on the training and the notebook's test reviews
together ("it's unsupervised, so it can't leak"): the model has seen the test text before it is
scored.

loses: q3_tests, q3_robust_tests
"""
# %% q3
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def fit(train_df):
    all_text = pd.concat([train_df["review"], test["review"]])
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(all_text)
    classifier = LogisticRegression(C=4.0, max_iter=1000)
    classifier.fit(vectorizer.transform(train_df["review"]), train_df["score"] == "great")
    return vectorizer, classifier


def predict_proba(model, df):
    vectorizer, classifier = model
    return classifier.predict_proba(vectorizer.transform(df["review"].fillna("")))[:, 1]


model = fit(train)
