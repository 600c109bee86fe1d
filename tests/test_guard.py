"""The library guard: a grade cell sees numpy, pandas and scikit-learn as they were before the
notebook's own code ran, even if a student patched a function or a class in place."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from autograde import execute
from autograde.execute import Job

pytestmark = pytest.mark.slow

PATCHES = """
import numpy as np, pandas as pd
pd.Series.__eq__ = lambda self, other: pd.Series(True, index=self.index)  # hides OpsMixin's
pd.DataFrame.mean = lambda self, *args, **kwargs: 42                    # hides NDFrame's
pd.core.generic.NDFrame.sum = lambda self, *args, **kwargs: 42          # replaces a base's own
pd.DataFrame.progress_apply = pd.DataFrame.apply                         # hides nothing: stays
np.mean = lambda *args, **kwargs: 42
"""
TESTS = """
import numpy as np, pandas as pd
frame = pd.DataFrame({"a": [1.0, 3.0]})
assert not (pd.Series([1, 2]) == 5).any(), "Series.__eq__ is patched"
assert frame.mean()["a"] == 2, "DataFrame.mean is patched"
assert frame.sum()["a"] == 4, "NDFrame.sum is patched"
assert np.mean([1, 3]) == 2, "np.mean is patched"
"""


def grade_cell(source: str, grade_id: str):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
                                 "grade_id": grade_id, "points": 1, "schema_version": 3}
    return cell


def test_a_grade_cell_sees_the_libraries_unpatched():
    nb = new_notebook(cells=[new_code_cell(PATCHES), grade_cell(TESTS, "tests"),
                             new_code_cell("print(hasattr(pd.DataFrame, 'progress_apply'))")])
    outcome = execute.run(Job(notebook=dict(nb)))
    assert outcome.status == "ok", outcome.message
    cells = outcome.notebook["cells"]
    errors = [o for o in cells[1]["outputs"] if o["output_type"] == "error"]
    assert not errors, errors[0]["evalue"] if errors else ""
    assert cells[2]["outputs"][0]["text"].strip() == "True", "an addition that hides nothing stays"
