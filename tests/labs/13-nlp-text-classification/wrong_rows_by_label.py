"""Reads the reviews to score by label (`df["review"][i]` for i in range(len(df))), as if every
frame had the index 0..n-1: on a frame with another index the probabilities belong to other rows,
or the lookup fails.

loses: q3_tests, q3_robust_tests
"""
# %% q3
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def fit(train_df):
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          LogisticRegression(C=4.0, max_iter=1000))
    texts = [str(train_df["review"].iloc[i]) for i in range(len(train_df))]
    return model.fit(texts, (train_df["score"] == "great").astype(int))


def predict_proba(model, df):
    reviews = df["review"]
    texts = [str(reviews.get(i, "")) for i in range(len(df))]
    return model.predict_proba(texts)[:, 1]


model = fit(train)
