"""save writes only the fitted LogisticRegression (the part with the weights); load puts it
back behind the notebook's fitted encoder — whose scaler learned other loans' means.

loses: q2_tests
"""
# %% q2
import joblib


def save(model, path):
    joblib.dump(model[-1], path)   # the coefficients are what training produced


def load(path):
    from sklearn.pipeline import Pipeline

    return Pipeline([("encode", model[0]), ("classify", joblib.load(path))])


ARTIFACT = os.path.join(tempfile.mkdtemp(), "loan-risk-model.joblib")
save(model, ARTIFACT)
restored = load(ARTIFACT)
print(f"{os.path.getsize(ARTIFACT):,} bytes; largest difference after the round trip: "
      f"{np.max(np.abs(predict_batch(restored, test) - predict_batch(model, test))):.3g}")
