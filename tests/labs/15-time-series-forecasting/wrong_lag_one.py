"""Adds yesterday's and the day before's ridership as features: great in a backtest on full data,
but those values do not exist a week ahead.

loses: q3_tests q3_leak_tests
"""
# %% q3
from pandas.tseries.holiday import USFederalHolidayCalendar
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HOLIDAYS = USFederalHolidayCalendar().holidays("2000-01-01", "2030-12-31")
LAGS = (1, 2, 7, 14, 21, 28)


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
    X["level"] = X[["lag_7", "lag_14", "lag_21", "lag_28"]].median(axis=1)
    X["day_off"] = day_off(dates)
    X["day_off_level"] = X["day_off"] * X["level"]
    X["lag_7_day_off"] = day_off(dates - pd.Timedelta(days=7))
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
