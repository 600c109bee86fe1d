"""Builds a "corpus" of every review in the notebook (train and test) once, and fits the TF-IDF
vocabulary and IDF weights on it inside fit ("unsupervised, so it cannot leak"): the model has
read the test text before it is scored, through a name that is neither `train` nor `test`.

loses: q3_tests, q3_robust_tests
"""
# %% q3
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

corpus = pd.concat([train["review"], test["review"]], ignore_index=True)


def fit(train_df):
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(corpus)
    classifier = LogisticRegression(C=4.0, max_iter=1000)
    classifier.fit(vectorizer.transform(train_df["review"].fillna("")),
                   train_df["score"] == "great")
    return vectorizer, classifier


def predict_proba(model, df):
    vectorizer, classifier = model
    return classifier.predict_proba(vectorizer.transform(df["review"].fillna("")))[:, 1]


model = fit(train)
