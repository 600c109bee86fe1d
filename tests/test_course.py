"""A course's configuration stays its own when a copy of it is changed."""

from __future__ import annotations

from pathlib import Path

from autograde import pipeline
from autograde.course import Course
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
