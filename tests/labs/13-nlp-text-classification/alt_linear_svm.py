"""A linear SVM on TF-IDF 1-2-grams, calibrated into probabilities by cross-validation, and a
1-3-gram vectorizer: also right."""
# %% q3
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC


def fit(train_df):
    svm = CalibratedClassifierCV(LinearSVC(C=0.3, random_state=0), cv=3)
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), svm)
    return model.fit(train_df["review"].fillna(""), (train_df["score"] == "great").astype(int))


def predict_proba(model, df):
    return model.predict_proba(df["review"].fillna(""))[:, 1]


model = fit(train)
# %% q4
def make_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 3), min_df=2, max_df=0.9)
