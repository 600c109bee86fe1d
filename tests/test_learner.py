"""The learner's path, as a learner takes it: start a lab, work in it, check, hint, grade."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from autograde import interview, submissions
from autograde.course import Course
from labs import check, mock, progress
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
    """Under nbclient (as under nbconvert, papermill or Validate) they answer as usual, and
    nothing is recorded: nobody is at the keyboard."""
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
    assert progress.history(workspace / progress.MARKER / progress.DB_NAME) == []


@pytest.mark.slow
def test_mock_interview_is_drawn_timed_and_graded(tmp_path):
    workspace = tmp_path / "work"
    made = acelabs("interview", "--seed", "11", "--minutes", "20", "--dir", str(workspace),
                   "--copy-only")
    assert made.returncode == 0, made.stderr
    notebook = workspace / "interview-11" / "interview.ipynb"
    released = submissions.read(notebook)
    chosen, started = interview.Draw.from_metadata(released.metadata)
    assert chosen == interview.draw(Course.load(REPO), 11, 20)  # the seed draws it again
    assert len(chosen.concepts) == 3 and chosen.task[0] not in {lab for lab, _ in chosen.concepts}
    text = notebook.read_text()
    assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
    assert_one_line_error(acelabs("interview", "--seed", "11", "--dir", str(workspace),
                                  "--copy-only"), "already exists")
    assert_one_line_error(acelabs("check", str(notebook), "--lab", "02"), "is a mock interview")

    source = interview.build_source(Course.load(REPO), chosen, started)
    answers = submissions.reference_answers(source)
    answers.pop("given", None)
    solved = submissions.fill(released, {q: a for q, a in answers.items()
                                         if q in submissions.solution_cells(released)})
    solved.metadata = released.metadata
    submissions.write(solved, notebook)
    # graded from the workspace, as JupyterLab's terminal opens there: the course is found
    result = acelabs("check", "interview-11/interview.ipynb", cwd=workspace)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("interview-11: "), result.stdout
    score, out_of = first.split(": ")[1].split(" points")[0].split(" / ")
    assert score == out_of and float(out_of) > 3, result.stdout
    assert re.search(r"time: \d+ min of 20 \(within the limit\)", result.stdout), result.stdout
    shown = acelabs("progress", cwd=workspace / "interview-11").stdout
    assert re.search(rf"interview-11 .* {score}/{out_of} +\d+ min of 20 \(within the limit\)",
                     shown), shown


# --- from wherever the learner stands --------------------------------------------------------


@pytest.fixture
def course_copy(tmp_path) -> Path:
    """This course (config, source, release) copied elsewhere: learner verbs must find it by
    walking up from where they run, not fall back to the package's own checkout."""
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", root)
    for step in ("source", "release"):
        shutil.copytree(REPO / step, root / step)
    return root


def started_in(course_root: Path) -> tuple[Path, Path]:
    """`acelabs start` run at the course root: the workspace, and a folder below it."""
    result = acelabs("start", LAB, "--copy-only", cwd=course_root)
    assert result.returncode == 0, result.stderr
    workspace = (course_root / "work").resolve()
    below = workspace / LAB / "notes"
    below.mkdir()
    return workspace, below


def test_start_works_from_the_course_the_workspace_and_below(course_copy):
    workspace, below = started_in(course_copy)
    assert (workspace / LAB / f"{LAB}.ipynb").is_file()
    for cwd, lab in ((workspace, "01"), (below, "03")):
        result = acelabs("start", lab, "--copy-only", cwd=cwd)
        assert result.returncode == 0, result.stderr
    labs = sorted(p.name for p in workspace.iterdir() if not p.name.startswith("."))
    assert labs == ["01-regression-baseline", LAB, "03-validation-and-leakage"]


def test_list_hint_and_progress_find_the_workspace(course_copy):
    workspace, below = started_in(course_copy)
    for cwd in (workspace, below):
        hinted = acelabs("hint", "02", "q1", cwd=cwd)
        assert hinted.returncode == 0 and "Hint 1/" in hinted.stdout, hinted.stderr
    assert progress.summary(workspace / progress.MARKER / progress.DB_NAME)[LAB].hints == 2
    for cwd in (course_copy, workspace, below):
        shown = acelabs("progress", cwd=cwd).stdout
        assert f"workspace: {workspace}" in shown and re.search(rf"{LAB} +0 +2 +0 +-", shown), shown
        assert re.search(rf"{LAB} .*\[in progress\]", acelabs("list", cwd=cwd).stdout)


def test_check_from_the_workspace_finds_the_course(course_copy):
    workspace, below = started_in(course_copy)
    (below / "broken.ipynb").write_text('{"cells": [')
    # it reads the notebook (and says what is wrong with it) instead of refusing the folder
    assert_one_line_error(acelabs("check", f"{LAB}/notes/broken.ipynb", cwd=workspace),
                          "not a readable notebook")
    assert_one_line_error(acelabs("check", "broken.ipynb", cwd=below), "not a readable notebook")


def test_interview_from_below_the_workspace_writes_into_it(course_copy):
    workspace, below = started_in(course_copy)
    made = acelabs("interview", "--seed", "5", "--minutes", "30", "--copy-only", cwd=below)
    assert made.returncode == 0, made.stderr
    assert (workspace / "interview-5" / "interview.ipynb").is_file()


def test_lab_serves_the_workspace_found_from_below(course_copy):
    workspace, below = started_in(course_copy)
    server = subprocess.Popen([sys.executable, "-m", "autograde.cli", "lab", "--no-browser"],
                              cwd=below, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, start_new_session=True)
    try:
        first = server.stdout.readline()  # printed before JupyterLab itself starts
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=120)
        server.stdout.close()
    assert first.strip() == f"JupyterLab on {workspace} (Ctrl-C stops it)"


# --- only a person at the keyboard is recorded ----------------------------------------------


def run_in_kernel(code: str, folder: Path, allow_stdin: bool, env: dict | None = None) -> str:
    """Run ``code`` in a fresh kernel in ``folder`` as a front end does: JupyterLab sends
    ``allow_stdin`` true; nbclient (nbconvert, papermill, nbgrader's Validate) sends false."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(folder), env={**os.environ, **(env or {})})
    client = manager.client()
    client.start_channels()
    out: list[str] = []
    try:
        client.wait_for_ready(timeout=120)
        client.execute_interactive(
            code, allow_stdin=allow_stdin, timeout=120,
            output_hook=lambda msg: out.append(msg["content"].get("text", "")))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return "".join(out)


def test_only_a_person_at_a_front_end_is_recorded(tmp_path):
    workspace = tmp_path / "work"
    assert acelabs("start", LAB, "--dir", str(workspace), "--copy-only").returncode == 0
    db = workspace / progress.MARKER / progress.DB_NAME
    code = f'from labs.check import use, check, hint\nuse("{LAB}")\nhint("q1")\ncheck("q1")'
    assert "Hint 1/" in run_in_kernel(code, workspace / LAB, allow_stdin=False)
    assert progress.history(db) == []  # a kernel nobody can answer: nbclient, a script
    run_in_kernel(code, workspace / LAB, allow_stdin=True, env={"NBGRADER_EXECUTION": "validate"})
    assert progress.history(db) == []  # nbgrader's Validate and autograde set the flag
    run_in_kernel(code, workspace / LAB, allow_stdin=True)
    assert [(event[2], event[3]) for event in progress.history(db)] == [("q1", "hint"),
                                                                          ("q1", "check")]


# --- the mock interview ------------------------------------------------------------------------

TASK = ("08-tuning-and-training-speed", "q2")


def reference_of(lab: str, question: str, renamed_to: str) -> str:
    source = submissions.read(REPO / "source" / lab / f"{lab}.ipynb")
    return mock.renamed(submissions.reference_answers(source)[question], question, renamed_to)


@pytest.fixture
def clock():
    """Put this process in an interview (as its clock cell does) that started ``minutes_ago``."""
    def begin(minutes_ago: float) -> None:
        started = datetime.now(UTC) - timedelta(minutes=minutes_ago)
        mock.interview("interview-5", 30, started.isoformat(), TASK, {"k1": (LAB, "c1")})
        check.use(TASK[0])  # the task lab's setup cell comes next
    yield begin
    mock.leave()


def test_interview_keeps_solutions_and_hints_until_the_time_is_up(clock, capsys):
    clock(minutes_ago=5)
    for ask in (lambda: check.solution("q2"), lambda: check.solution("q2", reveal=True),
                lambda: check.hint("q2"), lambda: check.solution("k1", reveal=True),
                lambda: check.hint("k1")):
        ask()
    out = capsys.readouterr().out
    assert "RandomizedSearchCV" not in out and "Hint" not in out, out
    assert out.count("while the mock interview's clock runs") == 5
    assert out.count("min left of 30") == 6  # the clock cell's line, then each refusal

    clock(minutes_ago=31)
    check.solution("q2", reveal=True)
    check.hint("k1")
    check.solution("k1", reveal=True)
    out = capsys.readouterr().out
    assert "time is up" in out and "RandomizedSearchCV" in out and "Hint 1/1 for k1" in out
    assert reference_of(LAB, "c1", "k1") in out


def test_interview_checks_its_own_questions_with_the_time_left(clock):
    clock(minutes_ago=5)
    answer: dict = {}
    exec(reference_of(LAB, "c1", "k1"), answer)
    right = check.evaluate("k1", answer)
    assert right.state == "passed" and right.lab == "interview-5"
    assert re.search(r"⏱ 2\d min left of 30", right.message)
    wrong = check.evaluate("k1", {"answer_k1": "Z"})
    assert wrong.state == "wrong" and "hint(" not in wrong.message  # no hints in the interview
    assert check.evaluate("q2", {}).state == "not-attempted"
    with pytest.raises(KeyError, match="questions: q2, k1"):
        check.evaluate("q1", {})  # given code, not a question of the interview
    clock(minutes_ago=31)
    assert "time is up" in check.evaluate("k1", answer).message
    assert "hint(" in check.evaluate("k1", {"answer_k1": "Z"}).message


def test_interview_notebook_starts_with_its_clock(course):
    chosen = interview.draw(course, 11, 20)
    started = datetime.now(UTC).replace(microsecond=0)
    cells = interview.build_source(course, chosen, started).cells
    header, clock_cell = cells[0], cells[1]
    ends = started + timedelta(minutes=20)
    assert f"Started at {started.astimezone():%H:%M}, ends at {ends.astimezone():%H:%M}" in \
        header.source
    assert clock_cell.metadata.nbgrader.locked and clock_cell.metadata.nbgrader.grade_id == \
        "interview_clock"
    try:
        exec(clock_cell.source, {})
        running = mock.active()
        assert running.name == "interview-11" and running.task == chosen.task
        assert list(running.concepts.values()) == list(chosen.concepts)
        assert running.running() and running.ends == ends
    finally:
        mock.leave()


def test_progress_shows_each_interview_with_its_score_and_time(tmp_path):
    workspace = tmp_path / "work"
    db = progress.init(workspace)
    progress.record("interview-11", "k1", "check", outcome="passed", workspace_db=db)
    progress.record("interview-11", "*", "grade", score=5, max_score=6, workspace_db=db,
                    outcome="time: 12 min of 20 (within the limit)")
    progress.record("interview-11", "*", "grade", score=4, max_score=6, workspace_db=db,
                    outcome="time: 25 min of 20 (5 min over the limit)")
    shown = acelabs("progress", cwd=workspace).stdout
    assert re.search(r"interview-11 +1 +0 +0 +5/6 +12 min of 20 \(within the limit\)", shown), \
        shown
