"""Audits with select_dtypes, and preprocesses differently but correctly: scale then impute gaps
from the nearest training rows, keep missing text as its own category, bucket rare ones."""
# %% q1
def audit(df):
    numeric = set(df.select_dtypes(include="number").columns)
    missing = df.isna().sum()
    rows = [{"kind": "numeric" if c in numeric else "text",
             "n_missing": int(missing[c]),
             "frac_missing": float(missing[c]) / len(df),
             "n_unique": int(df[c].nunique(dropna=True))} for c in df.columns]
    return pd.DataFrame(rows, index=df.columns)


report = audit(train)
# %% q2
from sklearn.compose import ColumnTransformer
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder

NUMERIC = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
TEXT = ["Home", "Marital", "Records", "Job"]


def make_preprocessor():
    # MinMaxScaler learns min and max from training rows, ignoring gaps; KNNImputer then fills a
    # gap from the 10 nearest *training* rows in the scaled space.
    numeric = make_pipeline(MinMaxScaler(), KNNImputer(n_neighbors=10, add_indicator=True))
    text = make_pipeline(
        SimpleImputer(strategy="constant", fill_value="missing"),
        OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10))
    return ColumnTransformer([("numeric", numeric, NUMERIC), ("text", text, TEXT)])


preprocessor = make_preprocessor()
Z = preprocessor.fit_transform(train.drop(columns=["Status"]))
Z = Z.toarray() if hasattr(Z, "toarray") else np.asarray(Z, dtype=float)
print(Z.shape, "NaNs left:", int(np.isnan(Z).sum()))
