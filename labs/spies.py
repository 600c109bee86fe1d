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
