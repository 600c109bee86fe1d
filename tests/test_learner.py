"""The learner's path, as a learner takes it: start a lab, work in it, check, hint, grade."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograde import interview, submissions
from autograde.course import Course
from labs import progress
from tests.conftest import REPO
from tests.test_cli import acelabs, assert_one_line_error

LAB = "02-classification-metrics"
SOURCE = REPO / "source" / LAB / f"{LAB}.ipynb"
RELEASE = REPO / "release" / LAB / f"{LAB}.ipynb"


def answered(*questions: str) -> nbformat.NotebookNode:
    """The student version with the reference answer written into ``questions``."""
    reference = submissions.reference_answers(submissions.read(SOURCE))
    return submissions.fill(submissions.read(RELEASE), {q: reference[q] for q in questions})


def test_start_copies_the_student_version_and_never_overwrites(tmp_path):
    result = acelabs("start", "2", "--dir", str(tmp_path / "work"), "--copy-only")
    assert result.returncode == 0, result.stderr
    notebook = tmp_path / "work" / LAB / f"{LAB}.ipynb"
    assert notebook.read_bytes() == RELEASE.read_bytes()
    assert (tmp_path / "work" / progress.MARKER / progress.DB_NAME).is_file()
    notebook.write_text(notebook.read_text().replace("accuracy paradox", "my own notes"))
    mine = notebook.read_bytes()
    again = acelabs("start", LAB, "--dir", str(tmp_path / "work"), "--copy-only")
    assert_one_line_error(again, "already exists")
    assert notebook.read_bytes() == mine


@pytest.mark.parametrize("args, mentions", [
    (["start", "99", "--copy-only"], "unknown lab '99'"),
    (["check", "/nonexistent/lab.ipynb"], "no notebook at"),
    (["hint", "02", "q9"], "no question 'q9'"),
    (["hint", "nope", "q1"], "unknown lab 'nope'"),
    (["lab", "--dir", "/nonexistent/work"], "no workspace"),
])
def test_learner_bad_input_gives_one_line_error(args, mentions):
    assert_one_line_error(acelabs(*args), mentions)


def test_check_rejects_broken_and_foreign_notebooks(tmp_path):
    corrupt = tmp_path / "corrupt.ipynb"
    corrupt.write_text('{"cells": [')
    assert_one_line_error(acelabs("check", str(corrupt)), "not a readable notebook")
    plain = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), str(plain))
    assert_one_line_error(acelabs("check", str(plain)), "not an Ace ML Labs notebook")
    renamed = tmp_path / "03-validation-and-leakage.ipynb"
    renamed.write_bytes(RELEASE.read_bytes())
    assert_one_line_error(acelabs("check", str(renamed)), f"is the notebook of {LAB}, not of 03")
    assert_one_line_error(acelabs("check", str(corrupt.with_name("x.ipynb")), "--lab", "03"),
                          "no notebook at")
    mine = tmp_path / "mine.ipynb"
    mine.write_bytes(RELEASE.read_bytes())
    assert_one_line_error(acelabs("check", str(mine), "--lab", "03"), "not of 03")


@pytest.mark.slow
def test_check_grades_with_hidden_tests_and_records_the_grade(tmp_path):
    assert acelabs("start", LAB, "--dir", str(tmp_path / "work"), "--copy-only").returncode == 0
    notebook = tmp_path / "work" / LAB / f"{LAB}.ipynb"
    submissions.write(answered("q1", "q2", "c1"), notebook)
    result = acelabs("check", str(notebook))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"{LAB}: 4 / 13 points" in out, out
    assert "✔ q1   1/1" in out and "✔ q2   2/2" in out and "✘ q3   0/4" in out
    assert "hint: A logistic regression" in out  # the first hint of a lost question
    assert "BEGIN HIDDEN TESTS" not in out
    feedback = notebook.with_name(f"{LAB}-feedback.html")
    assert feedback.is_file() and "4.0" in feedback.read_text()
    shown = acelabs("progress", "--dir", str(tmp_path / "work"))
    assert LAB in shown.stdout and "4/13" in shown.stdout
    assert "graded 4/13" in acelabs("list", "--dir", str(tmp_path / "work")).stdout


def run_in_workspace(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Execute like `jupyter nbconvert --execute` does, from the notebook's folder."""
    NotebookClient(nb, timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def html_of(cell: nbformat.NotebookNode) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


def test_check_hint_and_solution_inside_the_notebook(tmp_path):
    workspace = tmp_path / "work"
    assert acelabs("start", LAB, "--dir", str(workspace), "--copy-only").returncode == 0
    nb = answered("q1")
    nb.cells += [nbformat.v4.new_code_cell(code) for code in (
        'check("q1")', 'check("q2")', 'majority_accuracy = "high"\ncheck("q1")', 'hint("q1")',
        'from labs.check import solution\nsolution("q1")', 'solution("q1", reveal=True)')]
    ran = run_in_workspace(nb, workspace / LAB).cells[-6:]
    assert "acelabs-passed" in html_of(ran[0]) and "visible tests pass" in html_of(ran[0])
    assert "acelabs-not-attempted" in html_of(ran[1])
    assert "acelabs-wrong" in html_of(ran[2]) and "should be a float" in html_of(ran[2])
    assert "Hint 1/" in ran[3].outputs[0].text
    assert "not shown" in ran[4].outputs[-1].text  # no one to ask under nbconvert
    assert "float(np.mean(y_test == 0))" in ran[5].outputs[0].text
    recorded = progress.summary(workspace / progress.MARKER / progress.DB_NAME)[LAB]
    assert (recorded.checks, recorded.hints, recorded.solutions) == (3, 1, 1)


@pytest.mark.slow
def test_mock_interview_is_drawn_timed_and_graded(tmp_path):
    workspace = tmp_path / "work"
    made = acelabs("interview", "--seed", "11", "--minutes", "20", "--dir", str(workspace),
                   "--copy-only")
    assert made.returncode == 0, made.stderr
    notebook = workspace / "interview-11" / "interview.ipynb"
    released = submissions.read(notebook)
    chosen, _ = interview.Draw.from_metadata(released.metadata)
    assert chosen == interview.draw(Course.load(REPO), 11, 20)  # the seed draws it again
    assert len(chosen.concepts) == 3 and chosen.task[0] not in {lab for lab, _ in chosen.concepts}
    text = notebook.read_text()
    assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
    assert_one_line_error(acelabs("interview", "--seed", "11", "--dir", str(workspace),
                                  "--copy-only"), "already exists")
    assert_one_line_error(acelabs("check", str(notebook), "--lab", "02"), "is a mock interview")

    source = interview.build_source(Course.load(REPO), chosen)
    answers = submissions.reference_answers(source)
    answers.pop("given", None)
    solved = submissions.fill(released, {q: a for q, a in answers.items()
                                         if q in submissions.solution_cells(released)})
    solved.metadata = released.metadata
    submissions.write(solved, notebook)
    result = acelabs("check", str(notebook))
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    score, out_of = first.split(": ")[1].split(" points")[0].split(" / ")
    assert score == out_of and float(out_of) > 3, result.stdout
    assert re.search(r"time: \d+ min of 20 \(within the limit\)", result.stdout), result.stdout
