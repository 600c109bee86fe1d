"""Multinomial naive Bayes on binary word 1-2-gram counts, a regex tokenizer and a value_counts
baseline: also right."""
# %% q1
import re


def tokenize(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def bag_of_words(texts):
    tokenized = [tokenize(text) for text in texts]
    vocabulary = sorted(set().union(*tokenized)) if tokenized else []
    counts = np.array([[tokens.count(word) for word in vocabulary] for tokens in tokenized],
                      dtype=int).reshape(len(texts), len(vocabulary))
    return vocabulary, counts
# %% q2
majority = train["score"].mode()[0]
majority_accuracy = float((test["score"] == majority).mean())
# %% q3
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline


def fit(train_df):
    model = make_pipeline(CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True),
                          MultinomialNB(alpha=1.0))
    return model.fit(train_df["review"].fillna(""), train_df["score"])


def predict_proba(model, df):
    great = list(model.classes_).index("great")
    return model.predict_proba(df["review"].fillna(""))[:, great]


model = fit(train)
# %% q4
def make_vectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(ngram_range=(1, 2), binary=True, min_df=2)
