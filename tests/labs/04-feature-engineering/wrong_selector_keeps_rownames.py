"""Picks columns by dtype: the integer rownames is swept in with the numbers and becomes a
feature.

loses: q2_tests q3_leak_tests
"""
# %% q2
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_preprocessor():
    numeric = make_pipeline(SimpleImputer(strategy="median", add_indicator=True),
                            StandardScaler())
    text = make_pipeline(SimpleImputer(strategy="most_frequent"),
                         OneHotEncoder(handle_unknown="ignore"))
    return ColumnTransformer([
        ("numeric", numeric, make_column_selector(dtype_include="number")),
        ("text", text, make_column_selector(dtype_include=object)),
    ])


preprocessor = make_preprocessor()
Z = preprocessor.fit_transform(train.drop(columns=["Status"]))
Z = Z.toarray() if hasattr(Z, "toarray") else np.asarray(Z, dtype=float)
print(Z.shape, "NaNs left:", int(np.isnan(Z).sum()))
