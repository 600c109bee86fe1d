"""The quick verbs import nothing heavy: `acelabs --help`, `list`, `hint` and `progress` start
in well under a second because no verb imports pandas, scikit-learn, nbgrader or TensorFlow
before it needs them. Checked by what is imported, not by timing (benchmarks/verb_startup.py
times them), so the test holds on a loaded machine.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("pandas", "sklearn", "nbgrader", "tensorflow", "nbformat", "numpy", "sqlalchemy",
         "traitlets", "IPython")

_PROBE = """
import json, sys
import autograde.cli
argv = json.loads(sys.argv[1])
if argv:
    try:
        autograde.cli.main(argv)
    except SystemExit:
        pass
heavy = json.loads(sys.argv[2])
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def imported_by(argv: list[str], cwd) -> list[str]:
    """The heavy modules a fresh interpreter holds after importing the CLI and running argv."""
    probe = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(argv), json.dumps(HEAVY)],
                           cwd=cwd, capture_output=True, text=True, timeout=300)
    assert probe.returncode == 0, probe.stderr
    return json.loads(probe.stdout.splitlines()[-1])


def test_importing_the_cli_and_help_import_nothing_heavy():
    assert imported_by([], REPO) == []
    assert imported_by(["--help"], REPO) == []
    assert imported_by(["hint", "--help"], REPO) == []


@pytest.mark.parametrize("argv", [["list"], ["hint", "01", "q1"], ["progress"]])
def test_quick_learner_verbs_import_nothing_heavy(argv, tmp_path):
    workspace = tmp_path / "work"
    (workspace / ".acelabs").mkdir(parents=True)
    assert imported_by(argv, workspace) == []
