"""The judge against a real kernel: what a test cell can ask of the learner's namespace."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from autograde import execute, sandbox
from autograde.execute import Job

pytestmark = pytest.mark.slow

LEARNER = """
import numpy as np, pandas as pd
from sklearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
x = 1.5
frame = pd.DataFrame({"a": [1.0, 2.0], "s": ["u", None]}, index=[5, 7])
def f(a, b=2):
    print("printed during a hidden call")
    return np.arange(a) * b
def build():
    return make_pipeline(LogisticRegression())
def apply(function, value):
    return function(value)
class Model:
    def predict(self, df):
        return df["a"] * 2
model = Model()
def uses_f():
    return f(2)
def spin(seconds):
    import time
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
"""

CHECKS = {
    "values": "assert x == 1.5 and type(x) is float\n"
              "assert frame['s'].iloc[0] == 'u' and list(frame.index) == [5, 7]\n"
              "assert f(3, b=3).tolist() == [0, 3, 6]",
    "handles": "p = model.predict(frame)\n"
               "assert p.tolist() == [2.0, 4.0] and list(p.index) == [5, 7]\n"
               "assert type(model).__name__ == 'Model'",
    "isinstance": "from sklearn.pipeline import Pipeline\n"
                  "from sklearn.linear_model import LogisticRegression as LR\n"
                  "m = build()\n"
                  "assert isinstance(m, Pipeline) and isinstance(m.steps[-1][1], LR)",
    "globals": "assert callable(globals().get('build'))\n"
               "assert globals().get('nothing_here') is None and 'build' in globals()",
    "by_value": "def double(v):\n    return np.asarray(v) * 2\n"
                "assert apply(double, [1, 2]).tolist() == [2, 4]",
    "in_kernel": "from labs.kit import run_in_kernel\n"
                 "def names(function):\n    return sorted(function.__code__.co_names)\n"
                 "assert run_in_kernel(names, build) == ['LogisticRegression', 'make_pipeline']",
    "errors": "try:\n    f('a')\nexcept TypeError as error:\n"
              "    assert type(error).__name__ == 'TypeError'\n"
              "else:\n    raise AssertionError('no error')",
    "rebinds": "x = 99\nassert x == 99",  # the cell's own x: the learner's stays 1.5
    "deletes": "orig = f\ndel f\ntry:\n    uses_f()\nexcept NameError:\n    pass\n"
               "else:\n    raise AssertionError('uses_f does not use f')\nfinally:\n    f = orig",
    "restored": "assert x == 1.5 and uses_f().tolist() == [0, 2]",
    "fails": "### BEGIN HIDDEN TESTS\nassert x == 2, 'x is not two'\n### END HIDDEN TESTS",
    "missing": "assert y == 2",
    "cpu_clocks": "import time\nfrom labs.kit import cpu_clocks\nkernel, own = cpu_clocks()\n"
                  "start, mine = kernel(), own()\nspin(0.3)\nused = kernel() - start\n"
                  "assert 0.25 <= used <= 1.5, used\n"
                  "assert own() - mine < 0.1, 'the judge waited, it did not work'\n",
}
CGROUP_ONLY = ("cpu_clocks",)


def _test_cell(source: str, grade_id: str):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
                                 "grade_id": grade_id, "points": 1, "schema_version": 3}
    return cell


@pytest.fixture(scope="module")
def verdicts():
    nb = new_notebook(cells=[new_code_cell(LEARNER)]
                      + [_test_cell(source, name) for name, source in CHECKS.items()])
    outcome = execute.run(Job(notebook=dict(nb)))
    assert outcome.status == "ok", outcome.message
    return {cell["metadata"]["nbgrader"]["grade_id"]: cell["outputs"]
            for cell in outcome.notebook["cells"][1:]}


@pytest.mark.parametrize("name", [n for n in CHECKS
                                  if n not in ("fails", "missing", *CGROUP_ONLY)])
def test_a_check_passes(verdicts, name):
    assert verdicts[name] == [], verdicts[name]


@pytest.mark.skipif(not sandbox.cgroups_work(), reason="no cgroup can be made here")
def test_the_kernels_cpu_is_read_from_its_box_by_the_judge(verdicts):
    """A budget in CPU seconds: the learner's work counted by the box's account, the judge's
    waiting not at all (so other jobs on the machine move neither)."""
    assert verdicts["cpu_clocks"] == [], verdicts["cpu_clocks"]


def test_a_failed_check_shows_its_message_but_no_hidden_code(verdicts):
    (error,) = verdicts["fails"]
    assert error["ename"] == "AssertionError" and error["evalue"] == "x is not two"
    assert error["traceback"] == ["AssertionError: x is not two"]


def test_a_visible_line_is_named_by_its_number_in_the_cell(verdicts):
    (error,) = verdicts["missing"]
    assert error["ename"] == "NameError"
    assert error["traceback"][-1] == "(at line 1 of this test cell)"


def test_nothing_printed_during_a_hidden_call_reaches_the_notebook(verdicts):
    assert "printed during" not in str(verdicts)


def test_a_cell_past_its_limit_is_stopped_and_named_and_the_rest_still_runs():
    spin = "import time\ndef spin():\n    while True:\n        time.sleep(0.01)\n"
    nb = new_notebook(cells=[new_code_cell(spin), new_code_cell("spin()"),
                             _test_cell("spin()", "judged_spin"),
                             _test_cell("assert 1 + 1 == 2", "after")])
    outcome = execute.run(Job(notebook=dict(nb), limits=execute.Limits(cell_seconds=2)))
    assert outcome.status == "cell-timeout", outcome.message
    assert outcome.message == ("cell 2, cell judged_spin ran past the limit of 2 s per cell "
                               "and were stopped")
    cells = outcome.notebook["cells"]
    for stopped in (cells[1], cells[2]):
        (error,) = stopped["outputs"]
        assert error["ename"] == "TimeoutError" and "limit of 2 s" in error["evalue"]
    assert cells[3]["outputs"] == []
