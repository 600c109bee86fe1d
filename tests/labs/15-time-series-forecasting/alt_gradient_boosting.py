"""Gradient boosting on lags and calendar columns (day of year, holidays), validated forward in
3 yearly folds: a different model, just as honest."""
# %% q3
from pandas.tseries.holiday import USFederalHolidayCalendar
from sklearn.ensemble import HistGradientBoostingRegressor

HOLIDAY_DATES = USFederalHolidayCalendar().holidays("2000-01-01", "2030-12-31")


def make_features(df):
    dates = pd.to_datetime(df["date"])
    ride = df["ridership"]
    X = pd.DataFrame({
        "weekday": dates.dt.day_of_week,
        "day_of_year": dates.dt.day_of_year,
        "holiday": dates.isin(HOLIDAY_DATES).astype(int),
        "holiday_last_week": (dates - pd.Timedelta(days=7)).isin(HOLIDAY_DATES).astype(int),
    }, index=df.index)
    for lag in (7, 14, 21, 28, 35):
        X[f"lag_{lag}"] = ride.shift(lag)
    X["mean_4_weeks"] = X[["lag_7", "lag_14", "lag_21", "lag_28"]].mean(axis=1)
    X["trend_364"] = ride.shift(7).rolling(28).mean() - ride.shift(364).rolling(28).mean()
    return X


def fit(history_df):
    X, y = make_features(history_df), history_df["ridership"]
    usable = y.notna() & X["lag_28"].notna()
    booster = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.1, max_leaf_nodes=15,
                                            categorical_features=["weekday"], random_state=0)
    return booster.fit(X[usable], y[usable])


def predict(model, df):
    return model.predict(make_features(df))  # the booster takes NaN lags in its stride


model = fit(history)
forecast = np.asarray(predict(model, chicago), dtype=float)[after]
print(f"MAE from {CUTOFF} on: {mean_absolute_error(chicago.loc[after, 'ridership'], forecast):.3f}")
# %% q4
def cv_mae(df):
    y = df["ridership"].to_numpy(dtype=float)
    errors = []
    for train_idx, val_idx in time_splits(df, 3, val_days=365):
        fold_model = fit(df.iloc[train_idx])
        forecast = np.asarray(predict(fold_model, df.iloc[:val_idx.max() + 1]))[val_idx]
        errors.append(mean_absolute_error(y[val_idx], forecast))
    return float(np.mean(errors))


estimate = cv_mae(history)
