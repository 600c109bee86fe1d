"""Parsing in the grader is one thread at a time (CPython < 3.12 can fail two parses at once
with "AST constructor recursion depth mismatch"), including NumPy's reading of `.npy` headers."""

from __future__ import annotations

import ast
import io
import sys
import threading

import numpy as np
import pytest

import autograde.judge  # noqa: F401  (the judge serializes parsing when imported)
from autograde import parsing


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the race is fixed in CPython 3.12")
def test_reading_an_array_waits_for_another_threads_parse():
    saved = io.BytesIO()
    np.save(saved, np.arange(3))
    done = threading.Event()

    def read() -> None:
        np.load(io.BytesIO(saved.getvalue()), allow_pickle=False)
        done.set()

    with parsing._LOCK:
        reader = threading.Thread(target=read)
        reader.start()
        assert not done.wait(0.3), "np.load parsed its header while another parse held the lock"
    assert done.wait(10)
    reader.join()
    assert ast.parse("x = 1").body
