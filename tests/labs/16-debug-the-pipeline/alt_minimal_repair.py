"""Repairs the found code in place, without a Pipeline: dummies and standardisation statistics
are learned in fit and stored on the model, ids and the outcome-based rate are dropped, and
predict_proba returns the bad-loan column of predict_proba."""
# %% q1
def prepare(df):
    """Loans -> dummies of what is known at application time (no outcome, no row id)."""
    return pd.get_dummies(df.drop(columns=["Class", "rownames"], errors="ignore"), dtype=float)


def fit(train_df, C=0.1):
    X = prepare(train_df)
    model = LogisticRegression(C=C, max_iter=1000)
    model.columns_, model.centre_, model.spread_ = X.columns, X.mean(), X.std() + 1e-9
    model.fit((X - model.centre_) / model.spread_, train_df["Class"] == "bad")
    return model


def predict_proba(model, df):
    X = prepare(df).reindex(columns=model.columns_, fill_value=0)
    return model.predict_proba((X - model.centre_) / model.spread_)[:, 1]


model = fit(train)
