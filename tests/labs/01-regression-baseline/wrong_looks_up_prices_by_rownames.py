"""A "model" that remembers every sale it has seen by its rownames and answers from memory:
perfect on public rows, an ID lookup rather than a model. Its memory is the notebook's `train`
and `test`, which the grader withholds while it runs fit, so the robustness check's fit fails too.

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
    preprocess = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         make_column_selector(dtype_include="number")),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore")),
         make_column_selector(dtype_include=object)),
    ])
    ridge = make_pipeline(preprocess, Ridge(alpha=10.0)).fit(
        features, np.log10(train_df["Sale_Price"]))
    known = pd.concat([train, test]).set_index("rownames")["Sale_Price"]
    return ridge, known


def predict(model, df):
    ridge, known = model
    guess = 10 ** ridge.predict(df.drop(columns=["Sale_Price", "rownames"], errors="ignore"))
    looked_up = df["rownames"].map(known).to_numpy(dtype=float)
    return np.where(np.isnan(looked_up), guess, looked_up)


model = fit(train)
