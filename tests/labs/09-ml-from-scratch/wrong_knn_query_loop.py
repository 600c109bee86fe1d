"""kNN with a Python loop over the queries: correct labels, but no faster than the loop it
should replace.

loses: q3_speed_tests
"""
# %% q3
def knn_predict(X_train, y_train, X_query, k=5):
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    predictions = []
    for query in np.asarray(X_query, dtype=float):
        distances = np.sqrt(((X_train - query) ** 2).sum(axis=1))
        nearest = np.argsort(distances)[:k]
        values, counts = np.unique(y_train[nearest], return_counts=True)
        predictions.append(values[np.argmax(counts)])
    return np.array(predictions)


digits_pred = knn_predict(Xd_train, yd_train, Xd_test, k=5)
print(f"digits test accuracy {np.mean(digits_pred == yd_test):.3f}")
