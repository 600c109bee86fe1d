"""Adds the weather measured on the forecast day (gaps imputed): it scores fine, but a week
ahead that weather has not happened yet.

loses: q3_leak_tests
"""
# %% q3
from pandas.tseries.holiday import USFederalHolidayCalendar
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HOLIDAYS = USFederalHolidayCalendar().holidays("2000-01-01", "2030-12-31")
LAGS = (7, 14, 21, 28)


def day_off(dates):
    christmas = (((dates.dt.month == 12) & (dates.dt.day >= 24))
                 | ((dates.dt.month == 1) & (dates.dt.day == 1)))
    return (dates.isin(HOLIDAYS) | christmas).astype(float)


def make_features(df):
    dates = pd.to_datetime(df["date"])
    X = pd.DataFrame({f"weekday_{k}": (dates.dt.day_of_week == k).astype(float)
                      for k in range(7)}, index=df.index)
    for lag in LAGS:
        X[f"lag_{lag}"] = df["ridership"].shift(lag)
    X["level"] = X[[f"lag_{lag}" for lag in LAGS]].median(axis=1)
    X["day_off"] = day_off(dates)
    X["day_off_level"] = X["day_off"] * X["level"]
    X["lag_7_day_off"] = day_off(dates - pd.Timedelta(days=7))
    for column in WEATHER:  # measured on the day being forecast
        X[column] = df[column]
    return X


def _lags(X):
    return X[[f"lag_{lag}" for lag in LAGS]].notna().all(axis=1)


def fit(history_df):
    X, y = make_features(history_df), history_df["ridership"]
    usable = _lags(X) & y.notna()
    model = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), Ridge(alpha=1.0))
    return model.fit(X[usable], y[usable])


def predict(model, df):
    X = make_features(df)
    forecast = np.full(len(df), np.nan)
    ready = _lags(X).to_numpy()
    forecast[ready] = model.predict(X[ready])
    return forecast


model = fit(history)
