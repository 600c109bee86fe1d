"""The judge's channel codec: what the kernel sends arrives as exact plain data, or as a handle.

The kernel's side (``autograde.boxed.channel.encode``) is untrusted, so the decoder is tested on
honest trees and on trees no honest kernel would send.
"""

from __future__ import annotations

import base64
import io
import json
import math

import numpy as np
import pandas as pd
import pytest

from autograde import judge
from autograde.boxed import channel


@pytest.fixture
def roundtrip():
    owner = judge.Judge(channel=None, cell_seconds=1)

    def through(value):
        tree = json.loads(json.dumps(channel.encode(value)))  # what crosses is JSON
        return judge.decode(tree, owner)

    return through


@pytest.mark.parametrize("value", [None, True, False, 0, -7, 10**40, 1.5, -0.0, "text", b"\x00\xff",
                                   [1, "a", None], (1, (2.5, "b")), {"k": [1, 2], 3: "v"},
                                   {1, 2}, frozenset({"a"})])
def test_plain_values_cross_exactly(roundtrip, value):
    got = roundtrip(value)
    assert got == value and type(got) is type(value)


def test_floats_keep_every_bit(roundtrip):
    for value in (math.nan, math.inf, -math.inf, 0.1 + 0.2, 5e-324):
        got = roundtrip(value)
        assert type(got) is float and (got == value or (math.isnan(got) and math.isnan(value)))
    assert math.copysign(1, roundtrip(-0.0)) == -1


def test_values_that_lie_arrive_as_what_they_are(roundtrip):
    class Always(float):
        def __eq__(self, other):
            return True

        def __sub__(self, other):
            return 0.0

        __hash__ = float.__hash__

    class Letter(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    got = roundtrip(Always(3.0))
    assert type(got) is float and got == 3.0 and got - 1 == 2.0
    assert type(roundtrip(Letter("A"))) is str and roundtrip(Letter("A")) != "B"


def test_numpy_arrays_and_scalars_keep_their_dtype(roundtrip):
    for array in (np.arange(6, dtype=np.int32).reshape(2, 3), np.array([1.5, np.nan]),
                  np.array([True, False]), np.array(["2024-01-01"], dtype="datetime64[D]"),
                  np.zeros((0, 4)), np.array(["a", "bc"])):
        got = roundtrip(array)
        assert type(got) is np.ndarray and got.dtype == array.dtype
        np.testing.assert_array_equal(got, array)
    scalar = roundtrip(np.float32(1.25))
    assert type(scalar) is np.float32 and scalar == 1.25
    labels = roundtrip(np.array(["yes", None, 3], dtype=object))
    assert labels.dtype == object and labels.tolist() == ["yes", None, 3]


def test_pandas_objects_keep_index_names_and_dtypes(roundtrip):
    frame = pd.DataFrame({"x": [1.0, np.nan, 3.0], "n": [1, 2, 3], "s": ["a", None, "c"],
                          "c": pd.Categorical(["u", "v", "u"]), 7: [True, False, True]},
                         index=pd.Index([10, 3, 7], name="id"))
    got = roundtrip(frame)
    assert list(got.columns) == ["x", "n", "s", "c", 7]
    assert list(got.index) == [10, 3, 7] and got.index.name == "id"
    assert got["x"].dtype == float and got["n"].dtype == np.int64
    assert isinstance(got["c"].dtype, pd.CategoricalDtype)
    assert got["s"].isna().tolist() == [False, True, False]
    series = roundtrip(pd.Series([0.5, 0.25], index=["a", "b"], name="p"))
    assert series.name == "p" and list(series.index) == ["a", "b"]
    index = roundtrip(pd.Index([3, 1], name="k"))
    assert isinstance(index, pd.Index) and list(index) == [3, 1] and index.name == "k"


def test_other_objects_stay_in_the_kernel_as_handles(roundtrip):
    from sklearn.linear_model import LinearRegression

    handle = roundtrip(LinearRegression())
    assert isinstance(handle, judge.Handle) and type(handle).__name__ == "LinearRegression"
    assert "sklearn.linear_model._base.LinearRegression" in handle.type_names
    assert isinstance(handle, LinearRegression), "isinstance answers as in the kernel"
    with pytest.raises(TypeError):
        bool(handle)  # a check must compare plain values, not trust an object's truth
    function = roundtrip(len)
    assert isinstance(function, judge.Handle) and function._callable


def _tree(kind, **fields):
    return {"t": kind, **fields}


@pytest.mark.parametrize("tree", [
    "not a tree", {"x": 1}, _tree("nope"), _tree("list", v="abc"), _tree("dict", v=[[1]]),
    _tree("objarray", v=[_tree("int", v="1")], shape="x"),
])
def test_malformed_trees_are_refused(tree):
    with pytest.raises((judge.ChannelError, ValueError, TypeError)):
        judge.decode(tree, judge.Judge(channel=None, cell_seconds=1))


def test_an_array_of_pickled_objects_is_refused():
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    tree = _tree("npy", v=base64.b64encode(buffer.getvalue()).decode())
    with pytest.raises((judge.ChannelError, ValueError)):
        judge.decode(tree, judge.Judge(channel=None, cell_seconds=1))


def test_a_learner_error_keeps_its_name_and_lineage():
    error = judge.learner_error({"type": "NotFittedError", "message": "fit first",
                                 "mro": ["sklearn.exceptions.NotFittedError",
                                         "builtins.ValueError", "builtins.AttributeError",
                                         "builtins.Exception"]})
    assert type(error).__name__ == "NotFittedError" and str(error) == "fit first"
    assert isinstance(error, ValueError) and isinstance(error, judge.LearnerError)
    from labs import data

    sealed = judge.learner_error({"type": "DataSealedError", "message": "no",
                                  "mro": ["labs.data.DataSealedError", "builtins.RuntimeError"]})
    assert isinstance(sealed, data.DataSealedError)
    odd = judge.learner_error({"type": "not a name!", "mro": ["evil.X"]})
    assert isinstance(odd, judge.LearnerError)
