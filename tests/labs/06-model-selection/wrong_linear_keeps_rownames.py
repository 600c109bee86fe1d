"""Scales every numeric column for the logistic regression, rownames included: the row id becomes a
feature (its ROC-AUC barely moves), and renumbered customers get other probabilities.

loses: q1_tests
"""
# %% q1
def fit_linear(train_df):
    numbers = list(train_df.select_dtypes("number").columns)  # rownames is a number too
    text = ["state", "area_code", "international_plan", "voice_mail_plan"]
    encode = ColumnTransformer([("scaled", StandardScaler(), numbers),
                                ("onehot", OneHotEncoder(handle_unknown="ignore"), text)])
    model = make_pipeline(encode, LogisticRegression(max_iter=2000))
    return model.fit(train_df, train_df["churn"].eq("yes").astype(int))


linear_model = fit_linear(train)
