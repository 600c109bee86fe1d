"""Uses only the numeric columns: quick to write, but neighbourhood and quality carry the price.

loses: q3_tests
"""
# %% q3
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline


def fit(train_df):
    features = train_df.drop(columns=["Sale_Price", "rownames"]).select_dtypes("number")
    model = make_pipeline(SimpleImputer(strategy="median"), LinearRegression())
    return model.fit(features, np.log10(train_df["Sale_Price"]))


def predict(model, df):
    features = df.drop(columns=["Sale_Price", "rownames"], errors="ignore")
    return 10 ** model.predict(features.select_dtypes("number"))


model = fit(train)
