"""Scales by the largest grey level in the rows it is given: an image's values depend on which
other images are converted with it.

loses: q1_tests
"""
# %% q1
def to_images(df):
    pixels = df.filter(like="pixel_").to_numpy(dtype="float32")
    return (pixels / pixels.max()).reshape(-1, 8, 8, 1), df["target"].to_numpy()


X_train, y_train = to_images(train_df)
X_test, y_test = to_images(test_df)
