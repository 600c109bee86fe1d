"""Fits the TF-IDF vocabulary on the training reviews and the notebook's test reviews, which a
factory keeps in its closure (`fit = make_fit(test["review"])`): the model has seen the test
text, through a variable no name of the notebook holds.

loses: q3_tests, q3_robust_tests
"""
# %% q3
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def make_fit(extra_text):
    def fit(train_df):
        all_text = pd.concat([train_df["review"], extra_text])
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        vectorizer.fit(all_text)
        classifier = LogisticRegression(C=4.0, max_iter=1000)
        classifier.fit(vectorizer.transform(train_df["review"]), train_df["score"] == "great")
        return vectorizer, classifier
    return fit


fit = make_fit(test["review"])


def predict_proba(model, df):
    vectorizer, classifier = model
    return classifier.predict_proba(vectorizer.transform(df["review"].fillna("")))[:, 1]


model = fit(train)
