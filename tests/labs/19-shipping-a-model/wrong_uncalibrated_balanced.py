"""fit_calibrated returns the balanced model as it is: its ranking is good (ROC-AUC barely
moves), so its probabilities look fine to whoever only reads the AUC.

loses: q4_tests
"""
# %% q4
def fit_calibrated(train_df):
    encode = ColumnTransformer([("num", StandardScaler(), NUMERIC),
                                ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    balanced = make_pipeline(encode, LogisticRegression(C=0.1, max_iter=1000,
                                                        class_weight="balanced"))
    return balanced.fit(featurize(train_df), train_df["Class"] == "bad")


calibrated = fit_calibrated(train)
_p_cal = predict_batch(calibrated, test)
print(f"calibrated: ECE {ece(y_test, _p_cal):.4f}, mean {_p_cal.mean():.4f} "
      f"(bad rate {y_test.mean():.4f}), AUC {roc_auc_score(y_test, _p_cal):.3f}")
