"""CalibratedClassifierCV with its default ensemble=True: well calibrated, but it keeps five
fitted pipelines and every request runs through all of them.

loses: q4_latency_tests
"""
# %% q4
def fit_calibrated(train_df):
    from sklearn.calibration import CalibratedClassifierCV

    encode = ColumnTransformer([("num", StandardScaler(), NUMERIC),
                                ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    balanced = make_pipeline(encode, LogisticRegression(C=0.1, max_iter=1000,
                                                        class_weight="balanced"))
    calibrated = CalibratedClassifierCV(balanced, method="isotonic", cv=5)
    return calibrated.fit(featurize(train_df), train_df["Class"] == "bad")


calibrated = fit_calibrated(train)
_p_cal = predict_batch(calibrated, test)
print(f"calibrated: ECE {ece(y_test, _p_cal):.4f}, mean {_p_cal.mean():.4f} "
      f"(bad rate {y_test.mean():.4f}), AUC {roc_auc_score(y_test, _p_cal):.3f}")
