"""Imputes and encodes but never scales: Assets (spread about 11,000) and Age (about 11) enter
the model on wildly different scales.

loses: q2_tests
"""
# %% q2
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
TEXT = ["Home", "Marital", "Records", "Job"]


def make_preprocessor():
    numeric = SimpleImputer(strategy="median", add_indicator=True)
    text = make_pipeline(SimpleImputer(strategy="most_frequent"),
                         OneHotEncoder(handle_unknown="ignore"))
    return ColumnTransformer([("numeric", numeric, NUMERIC), ("text", text, TEXT)])


preprocessor = make_preprocessor()
Z = preprocessor.fit_transform(train.drop(columns=["Status"]))
Z = Z.toarray() if hasattr(Z, "toarray") else np.asarray(Z, dtype=float)
print(Z.shape, "NaNs left:", int(np.isnan(Z).sum()))
