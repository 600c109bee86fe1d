"""An honest pipeline, but predictions for loans it recognises by rownames come from the public
data set's labels: perfect on the notebook's test, a lookup rather than a model. With ids
of training loans on the scored rows the lookup answers for other loans; only 5 % are bad, so
the AUC stays above the 0.70 threshold, and the ID checks are what fail it.

loses: q1_leak_tests q2_tests
"""
# %% q1
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

_everyone = data.load("lending_club")
_known = dict(zip(_everyone["rownames"], (_everyone["Class"] == "bad").astype(float), strict=True))


def fit(train_df):
    features = train_df.drop(columns=["Class", "rownames"])
    preprocess = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20),
         make_column_selector(dtype_include=object)),
    ])
    model = make_pipeline(preprocess, LogisticRegression(C=0.1, max_iter=2000))
    return model.fit(features, (train_df["Class"] == "bad").astype(int))


def predict_proba(model, df):
    p = model.predict_proba(df.drop(columns=["Class", "rownames"], errors="ignore"))[:, 1]
    known = df["rownames"].map(_known).to_numpy(dtype=float)
    return np.where(np.isnan(known), p, 0.9 * known + 0.1 * p)


model = fit(train)
