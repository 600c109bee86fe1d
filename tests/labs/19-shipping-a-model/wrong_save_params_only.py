"""save pickles the recipe (the pipeline's parameters), not the fitted model; load rebuilds it
and fits it again on the notebook's training loans — another model than the one saved.

loses: q2_tests
"""
# %% q2
import pickle

from sklearn.base import clone
from sklearn.pipeline import Pipeline


def save(model, path):
    with open(path, "wb") as f:
        pickle.dump(clone(model).get_params(deep=False), f)   # small: no fitted arrays


def load(path):
    with open(path, "rb") as f:
        params = pickle.load(f)
    return Pipeline(**params).fit(featurize(train), train["Class"] == "bad")


ARTIFACT = os.path.join(tempfile.mkdtemp(), "loan-risk-model.joblib")
save(model, ARTIFACT)
restored = load(ARTIFACT)
print(f"{os.path.getsize(ARTIFACT):,} bytes; largest difference after the round trip: "
      f"{np.max(np.abs(predict_batch(restored, test) - predict_batch(model, test))):.3g}")
