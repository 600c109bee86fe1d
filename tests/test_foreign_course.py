"""A course that is not ours, the one `nbgrader quickstart` makes, graded by `acelabs grade`:
every cell gets the grade `nbgrader autograde` gives it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograde import submissions

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
LAB = "ps1"
WRONG_SQUARES = "def squares(n):\n    return [i * i for i in range(n)]"  # off by one


def _run(*command: str, cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"


def _hand_in(root: Path) -> None:
    """Four students: the reference solution, half of it, nothing, and a wrong `squares`."""
    for path in sorted((root / "release" / LAB).glob("*.ipynb")):
        released = submissions.read(path)
        answers = submissions.reference_answers(submissions.read(root / "source" / LAB / path.name))
        half = dict(list(answers.items())[: len(answers) // 2])
        wrong = {**answers, "squares": WRONG_SQUARES} if "squares" in answers else answers
        for student, filled in (("complete", answers), ("partial", half), ("blank", {}),
                                ("wrong", wrong)):
            nb = submissions.fill(released, filled)
            submissions.write(nb, root / "submitted" / student / LAB / path.name)


def _grades(root: Path) -> dict[tuple[str, str, str], tuple[float | None, bool]]:
    """(student, notebook, grade cell) -> (automatic score, whether it needs a manual grade)."""
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "course101") as gradebook:
        return {(s.student.id, nb.name, grade.name): (grade.auto_score, grade.needs_manual_grade)
                for s in gradebook.assignment_submissions(LAB)
                for nb in s.notebooks for grade in nb.grades}


def test_the_quickstart_course_grades_as_nbgrader_grades_it(tmp_path: Path):
    _run(str(BIN / "nbgrader"), "quickstart", "course101", cwd=tmp_path)
    roots = {}
    for grader in ("nbgrader", "acelabs"):
        roots[grader] = tmp_path / grader
        shutil.copytree(tmp_path / "course101", roots[grader])
        _run(str(BIN / "nbgrader"), "generate_assignment", LAB, cwd=roots[grader])
        _hand_in(roots[grader])
    _run(str(BIN / "nbgrader"), "autograde", LAB, cwd=roots["nbgrader"])
    _run(str(BIN / "acelabs"), "grade", cwd=roots["acelabs"])

    theirs, ours = _grades(roots["nbgrader"]), _grades(roots["acelabs"])
    assert ours == theirs
    squares = {student: ours[(student, "problem1", "correct_squares")][0]
               for student in ("complete", "partial", "blank", "wrong")}
    assert squares == {"complete": 1.0, "partial": 1.0, "blank": 0.0, "wrong": 0.0}
    assert (roots["acelabs"] / "feedback" / "complete" / LAB / "problem1.html").is_file()
