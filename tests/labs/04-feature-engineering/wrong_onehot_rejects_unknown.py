"""One-hot encodes with the default handle_unknown="error": the first category that training
never had makes the preprocessor, and the model built on it, raise.

loses: q2_tests q3_tests
"""
# %% q2
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
TEXT = ["Home", "Marital", "Records", "Job"]


def make_preprocessor():
    numeric = make_pipeline(SimpleImputer(strategy="median", add_indicator=True),
                            StandardScaler())
    text = make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder())
    return ColumnTransformer([("numeric", numeric, NUMERIC), ("text", text, TEXT)])


preprocessor = make_preprocessor()
Z = preprocessor.fit_transform(train.drop(columns=["Status"]))
Z = Z.toarray() if hasattr(Z, "toarray") else np.asarray(Z, dtype=float)
print(Z.shape, "NaNs left:", int(np.isnan(Z).sum()))
