"""A course's configuration: its own when a copy of it is changed, nbgrader's defaults when
it has none."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from autograde import AcelabsError, pipeline
from autograde.course import Course
from tests import toy_course
from tests.conftest import REPO


def test_a_relocated_course_leaves_the_original_gradebook(tmp_path: Path):
    course = Course.load(REPO)
    before = course.db_url
    scratch = course.relocated(tmp_path)
    assert scratch.db_url == f"sqlite:///{tmp_path.resolve() / 'gradebook.db'}"
    assert course.db_url == before


def test_nbgrader_overrides_stay_out_of_the_course_config(tmp_path: Path):
    course = Course.load(REPO)
    api = pipeline._api(course, CourseDirectory={"release_directory": str(tmp_path)})
    assert api.coursedir.release_directory == str(tmp_path)
    assert "release_directory" not in course.config.CourseDirectory
    assert api.config.GenerateFeedback.exporter_class == "autograde.feedback.FeedbackExporter"
    api.config.GenerateFeedback.exporter_class = "changed.in.the.copy"
    assert course.config.GenerateFeedback.exporter_class == "autograde.feedback.FeedbackExporter"


@pytest.mark.slow
def test_a_course_without_a_config_grades_on_nbgraders_defaults(tmp_path: Path):
    toy = toy_course.released(tmp_path / "course")
    (toy.root / "nbgrader_config.py").unlink()
    toy.hand_in("good", toy.answers)
    toy.hand_in("wrong", {**toy.answers, "q1": "def add(a, b):\n    return a - b"})
    scores = {r.student: r.score for r in pipeline.grade(Course.load(toy.root), jobs=2)}
    assert scores == {"good": 3, "wrong": 1}


def test_a_folder_that_is_no_course_says_why(tmp_path: Path):
    with pytest.raises(AcelabsError, match="no nbgrader_config.py and no source/ folder"):
        Course.load(tmp_path)


@pytest.mark.slow
def test_release_makes_the_exchange_that_nbgrader_needs(tmp_path: Path):
    toy = toy_course.released(tmp_path / "course")
    exchange = toy.root / "exchange"
    assert exchange.is_dir() and stat.S_IMODE(exchange.stat().st_mode) == 0o1777
    nbgrader = Path(sys.executable).parent / "nbgrader"
    done = subprocess.run([str(nbgrader), "release_assignment", "toy"], cwd=toy.root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert list(exchange.glob("*/outbound/toy/toy.ipynb"))
