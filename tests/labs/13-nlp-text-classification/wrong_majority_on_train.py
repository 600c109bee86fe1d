"""Measures the majority baseline on the training reviews instead of the test reviews.

loses: q2_tests
"""
# %% q2
majority_accuracy = float(np.mean(train["score"] == train["score"].value_counts().idxmax()))
print(f"majority-class accuracy: {majority_accuracy:.3f}")
