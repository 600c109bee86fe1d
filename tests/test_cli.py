"""The `acelabs` verbs as a user runs them: good runs produce their files, bad input one line."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograde import submissions
from tests import toy_course
from tests.conftest import REPO

VENV_ACELABS = str(Path(sys.prefix) / "bin" / "acelabs")


def acelabs(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograde.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=900)


def assert_one_line_error(result: subprocess.CompletedProcess, mentions: str) -> None:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("acelabs: error:") and mentions in lines[0], lines[0]


@pytest.mark.parametrize("args, mentions", [
    (["release", "99-nope"], "unknown lab '99-nope'"),
    (["release", "--check", "nope"], "unknown lab 'nope'"),
    (["grade", "--lab", "nope"], "unknown lab 'nope'"),
    (["grade", "--submissions", "/nonexistent/subs"], "no submissions directory"),
    (["export", "--to", "/proc/forbidden/grades.csv"], "/proc/forbidden"),
    (["demo", "nope"], "unknown lab 'nope'"),
    (["frobnicate"], "invalid choice"),
    (["grade", "--bogus"], "unrecognized arguments"),
])
def test_bad_input_gives_one_line_error(args, mentions):
    assert_one_line_error(acelabs(*args), mentions)


def test_outside_a_course_says_so(tmp_path):
    assert_one_line_error(acelabs("release", cwd=tmp_path), "not an nbgrader course")


def test_grade_without_submissions_says_so(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    (tmp_path / "source" / "ps1").mkdir(parents=True)
    assert_one_line_error(acelabs("grade", cwd=tmp_path), "no submissions directory")


def test_release_check_names_each_differing_file(tmp_path):
    course = toy_course.make(tmp_path / "course")
    assert acelabs("release", cwd=course).returncode == 0
    assert acelabs("release", "--check", cwd=course).returncode == 0
    released = course / "release" / "toy" / "toy.ipynb"
    released.write_text(released.read_text().replace("Toy lab", "Toy lap"))
    (course / "release" / "toy" / "stray.txt").write_text("not from source/")
    result = acelabs("release", "--check", cwd=course)
    assert result.returncode == 1
    assert "release/toy/toy.ipynb" in result.stdout
    assert "release/toy/stray.txt" in result.stdout


def test_release_refuses_a_lab_whose_reference_loses_points(tmp_path):
    course = toy_course.make(tmp_path / "course")
    source = course / "source" / "toy" / "toy.ipynb"
    right = source.read_text()
    source.write_text(right.replace("assert add(-40, 2) == -38", "assert add(-40, 2) == 38"))
    result = acelabs("release", cwd=course)
    assert result.returncode == 1 and not (course / "release" / "toy").exists(), result.stdout
    refusal = result.stderr.strip().splitlines()[-1]
    assert "not released: toy" in refusal and "q1_tests (0/2" in refusal, result.stderr
    assert "check negative numbers" in refusal and "c1_tests" not in refusal
    source.write_text(right)
    assert acelabs("release", cwd=course).returncode == 0
    assert (course / "release" / "toy" / "toy.ipynb").is_file()
    record = course / "autograded" / ".acelabs-references" / "toy.json"
    stamp = record.stat().st_mtime_ns
    assert acelabs("release", cwd=course).returncode == 0
    assert record.stat().st_mtime_ns == stamp, "an unchanged lab was graded again"


def test_grade_reports_bad_submissions_and_grades_the_rest(tmp_path):
    course = toy_course.make(tmp_path / "course")
    assert acelabs("release", cwd=course).returncode == 0
    released = submissions.read(course / "release" / "toy" / "toy.ipynb")
    source = submissions.read(course / "source" / "toy" / "toy.ipynb")
    hand_in = course / "submitted"
    submissions.write(submissions.fill(released, submissions.reference_answers(source)),
                      hand_in / "good" / "toy" / "toy.ipynb")
    submissions.write(released, hand_in / "blank" / "toy" / "toy.ipynb")
    for student, content in {"garbage": b"\x00\xff", "empty": b"",
                             "old": b'{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}'
                             }.items():
        (hand_in / student / "toy").mkdir(parents=True)
        (hand_in / student / "toy" / "toy.ipynb").write_bytes(content)
    (hand_in / "nothing" / "toy").mkdir(parents=True)
    submissions.write(released, hand_in / "other_lab" / "toy" / "02-classification.ipynb")
    result = acelabs("grade", cwd=course)
    assert result.returncode == 1, result.stderr[-2000:]
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "3 / 3" in rows["good"] and "0 / 3" in rows["blank"]
    assert "not a valid notebook" in rows["garbage"] and "not a valid notebook" in rows["empty"]
    assert "nbformat version 3" in rows["old"]
    assert "holds no notebook" in rows["nothing"]
    assert "none of this lab's notebooks (toy.ipynb)" in rows["other_lab"]
    assert "2 graded, 5 not graded" in result.stdout
    for student in ("good", "blank"):
        feedback = (course / "feedback" / student / "toy" / "toy.html").read_text()
        assert "hidden tests ran here" in feedback and "HIDDEN TESTS" not in feedback
    assert acelabs("export", "--to", "out/grades.csv", cwd=course).returncode == 0
    with open(course / "out" / "grades.csv") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert float(rows["good"]["score"]) == 3 and float(rows["blank"]["score"]) == 0
    assert rows["garbage"]["score"] == "" and rows["garbage"]["status"] == "not graded"
    assert "not a valid notebook" in rows["garbage"]["reason"]


@pytest.mark.slow
def test_demo_grades_the_sample_class(tmp_path):
    out = tmp_path / "demo"
    result = acelabs("demo", "01-regression-baseline", "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    rows = {line.split()[0]: line for line in result.stdout.splitlines()
            if line.split() and line.split()[0] in ("complete", "partial", "blank", "corrupt")}
    assert set(rows) == {"complete", "partial", "blank", "corrupt"}, result.stdout
    assert "not a valid notebook" in rows["corrupt"]
    with open(out / "grades.csv") as handle:
        grades = {row["student_id"]: row for row in csv.DictReader(handle)}
    full = float(grades["complete"]["max_score"])
    assert float(grades["complete"]["score"]) == full > 0
    assert 0 < float(grades["partial"]["score"]) < full
    assert float(grades["blank"]["score"]) == 0
    feedback = out / "feedback" / "complete" / "01-regression-baseline"
    assert (feedback / "01-regression-baseline.html").is_file()
    assert (out / "grades-canvas.csv").is_file()
    assert "01-regression-baseline" in (out / "reports" / "cohort.html").read_text()


def test_report_and_canvas_export_show_the_cohort(tmp_path):
    toy = toy_course.released(tmp_path / "course")
    with Gradebook(toy.course.db_url, toy.course.course_id) as gradebook:
        gradebook.update_or_create_assignment("toy", duedate="2026-01-01 00:00:00")
        gradebook.add_student("absent", first_name="Ada", last_name="Absent")
    toy.hand_in("good", toy.answers)
    toy.hand_in("blank")
    toy.hand_in("wrong", {**toy.answers, "q1": "def add(a, b):\n    return abs(a) + b"})
    (toy.root / "submitted" / "good" / "toy" / "timestamp.txt").write_text(
        "2026-01-03 00:00:00")
    assert acelabs("grade", cwd=toy.root).returncode == 0
    # from elsewhere, with the venv not activated: the files go into the course
    elsewhere = {"cwd": tmp_path, "env": {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}}
    exported = subprocess.run([VENV_ACELABS, "export", "--course", str(toy.root)],
                              capture_output=True, text=True, timeout=300, **elsewhere)
    assert exported.returncode == 0, exported.stderr
    assert (toy.root / "grades.csv").is_file() and not (tmp_path / "grades.csv").exists()
    with open(toy.root / "grades-canvas.csv") as handle:
        header, possible, *rows = list(csv.reader(handle))
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert header[5:] == ["toy"] and possible[0] == "Points Possible" and possible[5] == "3"
    by_id = {row[1]: row for row in rows}
    assert by_id["good"][5] == "3" and by_id["blank"][5] == "0" and by_id["wrong"][5] == "1"
    assert by_id["absent"][0] == "Absent, Ada" and by_id["absent"][5] == ""

    result = subprocess.run([VENV_ACELABS, "report", "--course", str(toy.root)],
                            capture_output=True, text=True, timeout=300, **elsewhere)
    assert result.returncode == 0, result.stderr
    page = (toy.root / "reports" / "cohort.html").read_text()
    assert page.count("data:image/png;base64,") == 1
    assert "3 graded" in page and "check negative numbers" in page
    assert "<b>Late:</b> good (48.0 h)" in page and "<b>Missing:</b> absent" in page
    assert "HIDDEN TESTS" not in page


def test_report_without_grades_says_so(tmp_path):
    toy = toy_course.released(tmp_path / "course")
    assert_one_line_error(acelabs("report", cwd=toy.root), "no graded submissions")
