"""A grading host no submission can harm: no verb removes or overwrites what it did not make,
and links and special files in a submission are refused before anything is copied."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograde import AcelabsError, demo, learner, ownership, pipeline, plain_files, report
from autograde.course import Course
from autograde.execute import Job, Limits
from labs import progress
from tests import toy_course
from tests.conftest import REPO

# --- 1. No verb removes or overwrites what it did not make ---------------------------------

@pytest.fixture
def toy(tmp_path) -> Course:
    return Course.load(toy_course.make(tmp_path / "course"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_refuses_the_course_root_from_the_command_line(toy):
    before = _tree(toy.root)
    result = subprocess.run([sys.executable, "-m", "autograde.cli", "demo", "--out", "."],
                            cwd=toy.root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    assert "refusing" in result.stderr and "nothing was removed" in result.stderr
    assert _tree(toy.root) == before


@pytest.mark.parametrize("where", ["root", "parent", "source", "source/new", "autograded/x"])
def test_demo_refuses_the_course_and_its_folders(toy, where):
    out = {"root": toy.root, "parent": toy.root.parent}.get(where, toy.root / where)
    before = _tree(toy.root)
    with pytest.raises(AcelabsError, match="refusing"):
        demo.run(toy, out)
    assert _tree(toy.root) == before
    assert not (out / ownership.DEMO_MARKER).exists()


def test_demo_refuses_a_folder_it_did_not_make(toy, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.tex").write_text("years of work")
    with pytest.raises(AcelabsError, match="did not make it"):
        demo.run(toy, mine)
    assert (mine / "thesis.tex").read_text() == "years of work"


def test_demo_refuses_a_file(toy, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("keep")
    with pytest.raises(AcelabsError, match="not a folder"):
        demo.run(toy, target)
    assert target.read_text() == "keep"


def test_demo_never_clears_a_workspace_even_with_its_marker(toy, tmp_path):
    workspace = tmp_path / "work"
    progress.init(workspace)
    (workspace / ownership.DEMO_MARKER).write_text("planted")
    with pytest.raises(AcelabsError, match="workspace"):
        demo.run(toy, workspace)
    with pytest.raises(AcelabsError, match="workspace"):
        demo.run(toy, workspace / "inside")
    holder = tmp_path / "holder"
    progress.init(holder / "work")
    (holder / ownership.DEMO_MARKER).write_text("planted")
    with pytest.raises(AcelabsError, match="workspace"):
        demo.run(toy, holder)
    assert (workspace / progress.MARKER / progress.DB_NAME).is_file()
    assert (holder / "work" / progress.MARKER / progress.DB_NAME).is_file()


def test_demo_takes_a_new_or_empty_folder_and_clears_only_its_own(toy, tmp_path):
    new = ownership.claim_scratch_folder(tmp_path / "new" / "demo", toy)
    assert (new / ownership.DEMO_MARKER).is_file()
    (new / "stale.txt").write_text("from the last demo")
    (new / "pipe").symlink_to("/etc/passwd")
    again = ownership.claim_scratch_folder(new, toy)
    assert sorted(p.name for p in again.iterdir()) == [ownership.DEMO_MARKER]
    assert Path("/etc/passwd").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (ownership.claim_scratch_folder(empty, toy) / ownership.DEMO_MARKER).is_file()


@pytest.fixture
def released_toy(tmp_path) -> toy_course.ToyClass:
    return toy_course.released(tmp_path / "course")


def test_export_overwrites_only_its_own_csv(released_toy):
    course = released_toy.course
    notebook = course.path("source") / "toy" / "toy.ipynb"
    before = notebook.read_bytes()
    for write in (pipeline.export, pipeline.export_canvas):
        with pytest.raises(AcelabsError, match="acelabs did not write it"):
            write(course, notebook)
        assert notebook.read_bytes() == before
    grades, canvas = course.root / "grades.csv", course.root / "grades-canvas.csv"
    for _ in range(2):  # the second run replaces the first one's files
        pipeline.export(course, grades)
        pipeline.export_canvas(course, canvas)
    with pytest.raises(AcelabsError, match="acelabs did not write it"):
        pipeline.export(course, canvas)  # a Canvas file is not nbgrader's layout
    with pytest.raises(AcelabsError, match="not a regular file"):
        pipeline.export(course, course.path("source"))


def test_report_overwrites_only_its_own_page(toy):
    course = toy
    page = course.root / "index.html"
    page.write_text("<html>the course's home page</html>")
    with pytest.raises(AcelabsError, match="acelabs did not write it"):
        report.write(course, page)
    assert page.read_text() == "<html>the course's home page</html>"
    ownership.check_replaceable(course.root / "new.html", (ownership.HTML_SIGNATURE,))
    signed = course.root / "old.html"
    signed.write_text(ownership.signed_html("<html></html>"))
    ownership.check_replaceable(signed, (ownership.HTML_SIGNATURE,))


def test_check_keeps_a_feedback_file_it_did_not_write(course, tmp_path):
    notebook = tmp_path / "01-regression-baseline.ipynb"
    notebook.write_bytes((REPO / "release" / "01-regression-baseline" /
                          "01-regression-baseline.ipynb").read_bytes())
    mine = tmp_path / "01-regression-baseline-feedback.html"
    mine.write_text("my own notes")
    with pytest.raises(AcelabsError, match="refusing to overwrite"):
        learner.self_check(course, notebook)
    assert mine.read_text() == "my own notes"


# --- 3. Files that are not files --------------------------------------------------------------

def _plant(folder: Path, kind: str, target: Path) -> None:
    """Put a link or special file of ``kind`` into a submission folder."""
    if kind == "link":
        (folder / "data.csv").symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(folder / "pipe")
    elif kind == "linked_notebook":
        (folder / "toy.ipynb").unlink()
        (folder / "toy.ipynb").symlink_to(target)
    elif kind == "fifo_notebook":
        (folder / "toy.ipynb").unlink()
        os.mkfifo(folder / "toy.ipynb")
    elif kind == "linked_folder":
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
        folder.symlink_to(target.parent, target_is_directory=True)


IRREGULAR = {"link": "symbolic link", "fifo": "FIFO", "linked_notebook": "symbolic link",
             "fifo_notebook": "FIFO", "linked_folder": "symbolic link"}


@pytest.mark.parametrize("kind", sorted(IRREGULAR))
def test_a_submission_with_a_link_or_special_file_is_refused_unread(toy, kind):
    submitted = toy.root / "submitted"
    folder = submitted / "eve" / "toy"
    folder.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), folder / "toy.ipynb")
    _plant(folder, kind, toy.root / "source" / "toy" / "toy.ipynb")
    problem = pipeline.unreadable_notebook(folder, {"toy.ipynb"}, submitted)
    assert problem and problem.startswith("not graded") and IRREGULAR[kind] in problem, problem
    assert plain_files.refusal(submitted / "eve" / "toy", submitted) == problem


def test_a_linked_student_folder_is_refused(tmp_path):
    (tmp_path / "elsewhere" / "toy").mkdir(parents=True)
    (tmp_path / "submitted").mkdir()
    (tmp_path / "submitted" / "eve").symlink_to(tmp_path / "elsewhere")
    problem = plain_files.refusal(tmp_path / "submitted" / "eve" / "toy", tmp_path / "submitted")
    assert problem and "eve is a symbolic link" in problem


def test_a_job_is_never_made_from_links_or_special_files(tmp_path):
    nb = nbformat.v4.new_notebook()
    (tmp_path / "plain.csv").write_text("a,b\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "more.txt").write_text("x")
    job = Job.from_directory(nb, tmp_path, Limits())
    assert set(job.files) == {"plain.csv", "sub/more.txt"}
    (tmp_path / "secret.csv").symlink_to("/etc/shadow")
    with pytest.raises(ValueError, match="secret.csv"):
        Job.from_directory(nb, tmp_path, Limits())
    (tmp_path / "secret.csv").unlink()
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ValueError, match="pipe"):
        Job.from_directory(nb, tmp_path, Limits())
