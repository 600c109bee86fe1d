"""One account of every submission: the grade table, grades.csv, the Canvas CSV, the cohort
report and the gradebook (what formgrader shows) say the same about each one."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograde import authoring, pipeline, report, submissions
from tests import toy_course
from tests.test_grading import _tamper_metadata

pytestmark = pytest.mark.slow

NOT_GRADED = {  # student -> words of the reason every view gives
    "other_lab": "is quiz's notebook, not this lab's",
    "tampered": "metadata was edited",
    "truncated": "not a valid notebook",
    "misnamed": "none of this lab's notebooks (toy.ipynb)",
}


def _quiz(root):
    """A second lab, whose notebook a student hands in as the toy lab's."""
    nb = authoring.notebook([
        authoring.solution("answer = None\n### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION",
                           "quiz_answer"),
        authoring.tests("assert answer == 1", "quiz_tests", points=1)])
    authoring.write(nb, root / "source" / "quiz" / "quiz.ipynb")


@pytest.fixture(scope="module")
def accounted(tmp_path_factory):
    root = tmp_path_factory.mktemp("accounts") / "course"
    _quiz(root)
    toy = toy_course.released(root, "c.Execute.timeout = 3\n")
    toy.hand_in("good", toy.answers)
    toy.hand_in("looping", {**toy.answers, "c1": "while True:\n    pass"})
    toy.hand_in("tampered", toy.answers, _tamper_metadata)
    quiz = submissions.read(root / "release" / "quiz" / "quiz.ipynb")
    submissions.write(quiz, root / "submitted" / "other_lab" / "toy" / "toy.ipynb")
    toy.hand_in("truncated", toy.answers)
    path = root / "submitted" / "truncated" / "toy" / "toy.ipynb"
    path.write_bytes(path.read_bytes()[:300])
    toy.hand_in("misnamed", toy.answers)
    folder = root / "submitted" / "misnamed" / "toy"
    (folder / "toy.ipynb").rename(folder / "toy (1).ipynb")
    results = {r.student: r for r in pipeline.grade(toy.course, labs=["toy"], jobs=2)}
    grades = pipeline.export(toy.course, root / "grades.csv")
    canvas = pipeline.export_canvas(toy.course, root / "grades-canvas.csv")
    page = report.write(toy.course, root / "reports" / "cohort.html")
    return toy, results, grades, canvas, page


def _rows(path):
    with open(path) as handle:
        return list(csv.DictReader(handle))


def test_the_table_names_each_reason(accounted):
    _, results, *_ = accounted
    for student, words in NOT_GRADED.items():
        assert not results[student].graded and words in results[student].problem, student
        assert results[student].score is None
    assert results["good"].graded and results["good"].score == 3
    looping = results["looping"]
    assert looping.graded and looping.score == 2
    assert "cell c1 ran past the limit of 3 s per cell" in looping.note


def test_grades_csv_gives_no_score_where_none_was_earned(accounted):
    _, _, grades, *_ = accounted
    rows = {row["student_id"]: row for row in _rows(grades) if row["assignment"] == "toy"}
    assert set(rows) >= {*NOT_GRADED, "good", "looping"}
    for student, words in NOT_GRADED.items():
        assert rows[student]["status"] == "not graded" and rows[student]["score"] == ""
        assert words in rows[student]["reason"]
    assert rows["good"]["status"] == "graded" and float(rows["good"]["score"]) == 3
    assert rows["looping"]["status"] == "graded" and "ran past" in rows["looping"]["reason"]


def test_canvas_leaves_not_graded_empty(accounted):
    _, _, _, canvas, _ = accounted
    with open(canvas) as handle:
        header, _, *rows = list(csv.reader(handle))
    column = header.index("toy")
    by_id = {row[1]: row[column] for row in rows}
    assert {by_id[s] for s in NOT_GRADED} == {""} and by_id["good"] == "3"


def test_the_report_lists_what_it_could_not_grade(accounted):
    _, _, _, _, page = accounted
    text = page.read_text()
    assert "Could not grade (4)" in text and "2 graded" in text
    listed = {(row["lab"], row["student"]) for row in
              _rows(page.with_name("cohort-not-graded.csv"))}
    assert listed == {("toy", s) for s in NOT_GRADED}


def test_the_gradebook_keeps_no_unearned_zero(accounted):
    toy, *_ = accounted
    with Gradebook(toy.course.db_url, toy.course.course_id) as gradebook:
        graded = {s.student.id for s in gradebook.assignment_submissions("toy")}
        students = {s.id for s in gradebook.students}
    assert graded == {"good", "looping"}
    assert students >= set(NOT_GRADED)  # formgrader lists them, with no score


def test_nbgrader_export_writes_the_same_account(accounted):
    toy, _, grades, *_ = accounted
    nbgrader = Path(sys.executable).parent / "nbgrader"
    done = subprocess.run([str(nbgrader), "export", "--to", "by-nbgrader.csv"], cwd=toy.root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (toy.root / "by-nbgrader.csv").read_text() == grades.read_text()
