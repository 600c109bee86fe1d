"""Spies that hidden tests hand to a learner's code, to see structure where outcomes are flat.

A hidden test runs in the grader's judge, but what it passes to the learner's function is used
in the learner's kernel, so a spy records there, in a log named by a token, and the test reads
the log back with ``in_kernel("labs.spies.records")(token)``. scikit-learn clones estimators
(copying their parameters), so the log lives here, not in the estimator.
"""

from __future__ import annotations

from typing import Any

from sklearn.base import BaseEstimator, clone

_LOGS: dict[str, list[dict]] = {}


def records(token: str) -> list[dict]:
    """What every spy named ``token`` saw, in order: plain data only."""
    return list(_LOGS.get(token, []))


def _rows(X: Any) -> dict:
    index = getattr(X, "index", None)
    return {"n": int(len(X)),
            "index": [int(i) if isinstance(i, int) or hasattr(i, "__index__") else str(i)
                      for i in index] if index is not None else None}


class FitSpy(BaseEstimator):
    """An estimator that fits ``estimator`` and logs the rows (length and index) of every
    ``fit`` and every prediction under ``token``; otherwise it behaves as the estimator does."""

    def __init__(self, estimator: Any = None, token: str = "spy") -> None:
        self.estimator = estimator
        self.token = token

    def _log(self, event: str, X: Any) -> None:
        _LOGS.setdefault(self.token, []).append({"event": event, **_rows(X)})

    def fit(self, X: Any, y: Any = None, **kwargs: Any) -> FitSpy:
        self._log("fit", X)
        self.estimator_ = clone(self.estimator).fit(X, y, **kwargs)
        if hasattr(self.estimator_, "classes_"):
            self.classes_ = self.estimator_.classes_
        return self

    def predict(self, X: Any) -> Any:
        self._log("predict", X)
        return self.estimator_.predict(X)

    def predict_proba(self, X: Any) -> Any:
        self._log("predict_proba", X)
        return self.estimator_.predict_proba(X)

    def decision_function(self, X: Any) -> Any:
        self._log("decision_function", X)
        return self.estimator_.decision_function(X)

    def transform(self, X: Any) -> Any:
        self._log("transform", X)
        return self.estimator_.transform(X)

    def score(self, X: Any, y: Any = None) -> float:
        self._log("score", X)
        return self.estimator_.score(X, y)


class _WatchedModel:
    """A fitted model returned through a `FitFnSpy`: its predictions log the rows they score
    (with the number of the fit that made it); every other attribute is the model's own."""

    def __init__(self, model: Any, token: str, fit_number: int) -> None:
        self._model, self._token, self._fit_number = model, token, fit_number

    def _log(self, event: str, X: Any) -> None:
        _LOGS.setdefault(self._token, []).append(
            {"event": event, "fit": self._fit_number, **_rows(X)})

    def predict(self, X: Any) -> Any:
        self._log("predict", X)
        return self._model.predict(X)

    def predict_proba(self, X: Any) -> Any:
        self._log("predict_proba", X)
        return self._model.predict_proba(X)

    def decision_function(self, X: Any) -> Any:
        self._log("decision_function", X)
        return self._model.decision_function(X)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_model", "_token", "_fit_number"):
            raise AttributeError(name)
        return getattr(self._model, name)


class FitFnSpy:
    """A fit function (a training frame in, a fitted model out) that logs the rows of every
    call under ``token`` and returns the model wrapped so that its predictions log the rows they
    score, with the number of the fit that made it: what a cross-validation loop fitted on and
    scored, fold by fold."""

    def __init__(self, fit_fn: Any, token: str = "fit_fn") -> None:
        self.fit_fn, self.token = fit_fn, token
        self.__name__ = getattr(fit_fn, "__name__", "fit_fn")

    def __call__(self, train_df: Any, *args: Any, **kwargs: Any) -> Any:
        log = _LOGS.setdefault(self.token, [])
        number = sum(1 for entry in log if entry["event"] == "fit")
        log.append({"event": "fit", "fit": number, **_rows(train_df)})
        return _WatchedModel(self.fit_fn(train_df, *args, **kwargs), self.token, number)


def reaches_rows(function: Any, dataset: str, part: str = "test", id_column: str = "rownames",
                 label: str | None = None, depth: int = 3) -> list[str]:
    """The global names ``function`` reads (itself, and the functions, closures and defaults it
    reaches, ``depth`` levels deep) that hold rows of ``labs.data.split(dataset)``'s ``part``:
    a frame or series whose ``id_column`` or index of ids meets those rows' ids, or an array
    or series equal to their labels (``label`` column, as it is or as 0/1 of its first level).
    A check of structure: what a learner's function could read of the held-out rows."""
    import types

    import numpy as np
    import pandas as pd

    from labs import data

    train, test = data.split(dataset)
    rows = test if part == "test" else train
    ids = set(rows[id_column].tolist()) if id_column in rows else set()
    labels = []
    if label and label in rows:
        truth = rows[label]
        labels = [truth.to_numpy()]
        levels = sorted(truth.dropna().unique().tolist())
        if len(levels) <= 10:  # a class label: also as 0/1 of each level
            labels += [(truth == level).astype(int).to_numpy() for level in levels]

    def holds(value: Any) -> bool:
        if isinstance(value, pd.DataFrame):
            if id_column in value and len(value) and ids:
                return bool(ids & set(value[id_column].tolist()))
            return False
        if isinstance(value, (pd.Series, np.ndarray)):
            array = np.asarray(value)
            if array.ndim == 1 and len(array) == len(rows) and any(
                    array.dtype == lab.dtype and np.array_equal(array, lab) for lab in labels):
                return True
            if isinstance(value, pd.Series) and value.name == id_column and ids:
                return bool(ids & set(value.tolist()))
        return False

    found: list[str] = []
    seen: set[int] = set()

    def visit(fn: Any, level: int) -> None:
        fn = getattr(fn, "__func__", fn)
        if not isinstance(fn, types.FunctionType) or id(fn) in seen or level > depth:
            return
        seen.add(id(fn))
        codes = [fn.__code__]
        names: set[str] = set()
        while codes:
            code = codes.pop()
            names.update(code.co_names)
            codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
        values = [(name, fn.__globals__[name]) for name in sorted(names)
                  if name in fn.__globals__]
        values += [(f"{fn.__name__}'s closure", cell.cell_contents)
                   for cell in (fn.__closure__ or ()) if _has_contents(cell)]
        values += [(f"{fn.__name__}'s default", v) for v in (fn.__defaults__ or ())]
        for name, value in values:
            if holds(value) and name not in found:
                found.append(name)
            elif isinstance(value, (types.FunctionType, types.MethodType)):
                visit(value, level + 1)

    visit(function, 0)
    return found


def _has_contents(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:
        return False
    return True


class ClassifierFitSpy(FitSpy):
    """A `FitSpy` that scikit-learn takes for a classifier (its scorers then call
    ``predict_proba`` or ``decision_function``, as they would on the wrapped classifier)."""

    _estimator_type = "classifier"

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.estimator_type = "classifier"
        from sklearn.utils import ClassifierTags

        tags.classifier_tags = ClassifierTags()
        return tags
