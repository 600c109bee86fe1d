"""Calls a column text only when its dtype is object: text stored as pandas string or category
(the pandas 3 default for text is string) is reported as numeric.

loses: q1_tests
"""
# %% q1
def audit(df):
    return pd.DataFrame(
        {
            "kind": ["text" if df[c].dtype == object else "numeric" for c in df.columns],
            "n_missing": [int(df[c].isna().sum()) for c in df.columns],
            "frac_missing": [float(df[c].isna().mean()) for c in df.columns],
            "n_unique": [int(df[c].nunique()) for c in df.columns],
        },
        index=df.columns,
    )


report = audit(train)
