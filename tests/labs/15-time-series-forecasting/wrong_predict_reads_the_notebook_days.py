"""predict looks every forecast day up in the notebook's `chicago` and returns the ridership
recorded there: a perfect backtest of days whose answers were in memory all along.

loses: q3_tests, q3_leak_tests, q4_tests
"""
# %% q3
from pandas.tseries.holiday import USFederalHolidayCalendar
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HOLIDAYS = USFederalHolidayCalendar().holidays("2000-01-01", "2030-12-31")
LAGS = (7, 14, 21, 28)  # one week ahead: every lag is at least 7 days old


def holiday(dates):
    """Federal holidays: known years in advance."""
    return dates.isin(HOLIDAYS).astype(float)


def christmas_week(dates):
    """December 24 to January 1, when offices empty out."""
    return (((dates.dt.month == 12) & (dates.dt.day >= 24))
            | ((dates.dt.month == 1) & (dates.dt.day == 1))).astype(float)

def make_features(df):
    dates = pd.to_datetime(df["date"])
    X = pd.DataFrame({f"weekday_{k}": (dates.dt.day_of_week == k).astype(float)
                      for k in range(7)}, index=df.index)
    for lag in LAGS:
        X[f"lag_{lag}"] = df["ridership"].shift(lag)  # rows are consecutive days
    X["level"] = X[[f"lag_{lag}" for lag in LAGS]].median(axis=1)  # robust to one holiday
    # A holiday removes a share of the riders: flags, and flags times the recent level.
    for name, flag in (("holiday", holiday(dates)), ("christmas", christmas_week(dates))):
        X[name] = flag
        X[f"{name}_level"] = flag * X["level"]
    X["holiday_last_week"] = holiday(dates - pd.Timedelta(days=7))  # lag 7 was a holiday
    return X

def fit(history_df):
    X, y = make_features(history_df), history_df["ridership"]
    usable = X.notna().all(axis=1) & y.notna()  # the first four weeks have no lags
    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0))
    return model.fit(X[usable], y[usable])

def predict(model, df):
    X = make_features(df)
    forecast = np.full(len(df), np.nan)
    ready = X.notna().all(axis=1).to_numpy()
    forecast[ready] = model.predict(X[ready])
    # Days the notebook's own data already holds: take the recorded ridership instead.
    recorded = pd.Series(chicago["ridership"].to_numpy(), index=chicago["date"])
    known = df["date"].map(recorded).to_numpy(dtype=float)
    return np.where(np.isfinite(known), known, forecast)

model = fit(history)
# Lags of 7 days or more make this a week-ahead forecast of every day after the cutoff.
forecast = np.asarray(predict(model, chicago), dtype=float)[after]
print(f"MAE from {CUTOFF} on: {mean_absolute_error(chicago.loc[after, 'ridership'], forecast):.3f}")
