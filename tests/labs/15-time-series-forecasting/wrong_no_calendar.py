"""Weekday one-hot and lags only, no holiday features: honest, but no better than the seasonal
naive baseline.

loses: q3_tests
"""
# %% q3
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LAGS = (7, 14, 21, 28)


def make_features(df):
    dates = pd.to_datetime(df["date"])
    X = pd.DataFrame({f"weekday_{k}": (dates.dt.day_of_week == k).astype(float)
                      for k in range(7)}, index=df.index)
    for lag in LAGS:
        X[f"lag_{lag}"] = df["ridership"].shift(lag)
    X["level"] = X[[f"lag_{lag}" for lag in LAGS]].median(axis=1)
    return X


def fit(history_df):
    X, y = make_features(history_df), history_df["ridership"]
    usable = X.notna().all(axis=1) & y.notna()
    return make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(X[usable], y[usable])


def predict(model, df):
    X = make_features(df)
    forecast = np.full(len(df), np.nan)
    ready = X.notna().all(axis=1).to_numpy()
    forecast[ready] = model.predict(X[ready])
    return forecast


model = fit(history)
