"""Shared fixtures: the repository's course, and grading a class of notebooks through nbgrader."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from nbformat import NotebookNode
from nbgrader.api import Gradebook

from autograde import pipeline, submissions
from autograde.course import Course

REPO = Path(__file__).resolve().parents[1]

Scores = dict[str, tuple[float, float]]  # grade cell id -> (score, max score)
# Notebooks one test grades at once: the cores shared between pytest-xdist's workers, since
# more notebooks than cores slow each other down far more than they gain.
JOBS = max(1, (os.cpu_count() or 1) // int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))


@pytest.fixture(scope="session")
def course() -> Course:
    return Course.load(REPO)


def grade_class(course: Course, workdir: Path, lab: str,
                notebooks: dict[str, NotebookNode]) -> dict[str, Scores]:
    """Grade each student's notebook of one lab in a scratch course; per-cell scores by student.

    Goes through the real path: release into the scratch course, hand in, `pipeline.grade`.
    """
    scratch = course.relocated(workdir)
    shutil.copytree(course.path("source") / lab, scratch.path("source") / lab)
    pipeline.release(scratch, [lab])
    for student, nb in notebooks.items():
        submissions.write(nb, scratch.path("submitted") / student / lab / f"{lab}.ipynb")
    results = pipeline.grade(scratch, [lab], jobs=JOBS)
    problems = {r.student: r.problem for r in results if not r.graded}
    assert not problems, f"submissions not graded: {problems}"
    scores: dict[str, Scores] = {}
    with Gradebook(scratch.db_url, scratch.course_id) as gradebook:
        for student in notebooks:
            submission = gradebook.find_submission_notebook(lab, lab, student)
            scores[student] = {grade.name: (grade.score, grade.max_score)
                               for grade in submission.grades}
    return scores


def failure_messages(workdir: Path, lab: str, student: str) -> dict[str, str]:
    """The last error line of each grade cell that raised in a student's autograded notebook."""
    graded = submissions.read(workdir / "autograded" / student / lab / f"{lab}.ipynb")
    return {grade_id: f"{error.ename}: {error.evalue}"[:400]
            for grade_id, error in submissions.grade_cell_errors(graded).items()}


def free_port() -> int:
    """A loopback port nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
