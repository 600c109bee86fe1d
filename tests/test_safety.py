"""A grading host no submission can harm: no verb removes or overwrites what it did not make,
every grading path runs student code in the sandbox, links and special files in a submission
are refused before anything is copied, and no student script reaches a page a grader opens."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_markdown_cell, new_output
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.apps.baseapp import NbGrader
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory
from nbgrader.server_extensions.formgrader import handlers as formgrader_handlers
from traitlets.config import Config

from autograde import (
    AcelabsError,
    demo,
    learner,
    outputs,
    ownership,
    pipeline,
    plain_files,
    report,
    sandbox,
)
from autograde.course import Course
from autograde.execute import Job, Limits
from labs import progress
from tests import toy_course
from tests.conftest import JOBS, REPO

MARK = f"PWNED_{uuid.uuid4().hex[:8]}"  # what a student's script would set in the page
ESCAPE = f"acelabs-escape-{uuid.uuid4().hex[:8]}"  # what a student would write outside the box


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


# --- 4. No student script in the grader's browser ---------------------------------------------

ATTACK_CELL = (
    "from IPython.display import HTML, Javascript, Markdown, SVG, display\n"
    f"display(HTML('<b>bold</b><script>window.{MARK} = 1</script>'))\n"
    f"display(HTML('<img src=x onerror=\"window.{MARK} = 2\">'))\n"
    f"display(Javascript('window.{MARK} = 3'))\n"
    f"display(Markdown('<a href=\"javascript:window.{MARK}=4\">x</a>'))\n"
    f"display(HTML('<table><tr><td>cell</td></tr></table>'))\n"
)
ATTACK_MARKDOWN = (f"My answer <img src=x onerror=\"window.{MARK} = 5\">\n\n"
                   f"<script>window.{MARK} = 6</script>\n\n**bold** | a table? | no")


class ActiveContent(HTMLParser):
    """Everything in a page that a browser would run: script elements' text, event-handler
    attributes, javascript: URLs, and the same inside data:text/html frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
            if value.startswith("data:text/html;base64,"):
                inner = ActiveContent()
                inner.feed(base64.b64decode(value.split(",", 1)[1]).decode())
                self.found += inner.found

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.found.append(data)


def student_script(page: str) -> list[str]:
    """The active parts of ``page`` that the student wrote (they carry MARK)."""
    parser = ActiveContent()
    parser.feed(page)
    return [active for active in parser.found if MARK in active]


def _attack_notebook() -> nbformat.NotebookNode:
    """An executed-looking notebook whose outputs and Markdown carry script (not stripped)."""
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell(ATTACK_CELL)
    code.outputs = [
        new_output("display_data", data={"text/html": f"<script>window.{MARK}=1</script>",
                                         "text/plain": "<HTML>"}),
        new_output("display_data", data={"text/html": f"<img src=x onerror='{MARK}'>"},
                   metadata={"text/html": {"isolated": True}}),
        new_output("display_data", data={"application/javascript": f"window.{MARK}=3"}),
        new_output("display_data", data={"text/markdown": f"<a href='javascript:{MARK}'>x</a>"}),
        new_output("display_data", data={"image/svg+xml": f"<svg onload='{MARK}'></svg>"}),
        new_output("execute_result", data={"text/plain": "0.5"}, execution_count=1),
    ]
    nb.cells = [new_markdown_cell(ATTACK_MARKDOWN), code]
    return nb


def _course_config(root: Path = REPO) -> Config:
    return Course.load(root).config


def formgrader_page(config: Config, notebook: Path) -> str:
    """The page formgrader shows a grader for a graded notebook (its SubmissionHandler)."""
    config = copy.deepcopy(config)
    config.merge(Config({"HTMLExporter": {
        "template_name": "formgrade",
        "extra_template_basedirs": [formgrader_handlers.template_path]}}))
    resources = {"assignment_id": "toy", "notebook_id": notebook.stem, "submission_id": "1",
                 "index": 0, "total": 1, "base_url": "/", "student": "eve", "last_name": None,
                 "first_name": None, "notebook_path": str(notebook)}
    html, _ = HTMLExporter(config=config).from_filename(str(notebook), resources=resources)
    return html


def feedback_page(config: Config, notebook: Path) -> str:
    """The feedback page nbgrader's GenerateFeedback renders from a graded notebook: its
    exporter (acelabs' unless the course names one), configured as GenerateFeedback does."""
    config = copy.deepcopy(config)
    if "exporter_class" not in config.GenerateFeedback:  # as pipeline._api chooses
        config.GenerateFeedback.exporter_class = "autograde.feedback.FeedbackExporter"
    app = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    resources = {"nbgrader": {"notebook": notebook.stem, "student": "eve", "assignment": "toy",
                              "score": 0.0, "max_score": 0.0, "late_penalty": 0.0}}
    exporter = app.exporter_class(config=app.config)
    html, _ = exporter.from_filename(str(notebook), resources=resources)
    return html


def test_the_course_config_sanitizes_every_page_that_shows_student_work(tmp_path):
    notebook = tmp_path / "toy.ipynb"
    nbformat.write(_attack_notebook(), notebook)
    config = _course_config()
    bare = formgrader_page(Config(), notebook)
    assert student_script(bare), "the attack notebook should run script in an unsanitized page"
    for page in (formgrader_page(config, notebook), feedback_page(config, notebook)):
        assert not student_script(page)
        assert "<strong>bold</strong>" in page  # Markdown still renders


def test_sanitized_pages_keep_what_notebooks_show():
    from autograde.safe_html import clean_html
    table = "<table class='dataframe'><thead><tr><th>a</th></tr></thead>" \
            "<tbody><tr><td>1</td></tr></tbody></table>"
    assert "<thead>" in clean_html(table) and "<td>1</td>" in clean_html(table)
    kept = clean_html("<h2 id='x'>Title</h2><p>text <em>em</em></p><img src='data:image/png;"
                      "base64,AAAA' alt='plot'>")
    assert "<h2" in kept and "<p>" in kept and 'src="data:image/png' in kept
    assert "<style" not in clean_html("<style>body{display:none}</style><p>x</p>")


def test_script_bearing_outputs_are_stripped_and_text_kept():
    nb = _attack_notebook()
    assert outputs.strip_scripts(nb) == 5
    kept = nb.cells[1].outputs
    assert MARK not in json.dumps(kept)
    assert kept[0].data == {"text/plain": "<HTML>"}
    assert kept[2].data == {"text/plain": outputs.REMOVED}
    assert kept[5].data == {"text/plain": "0.5"}  # a partial-credit value is untouched
    safe = {"text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "t"}
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        outputs=[new_output("display_data", data=dict(safe))])])
    assert outputs.strip_scripts(plain) == 0 and plain.cells[0].outputs[0].data == safe


# --- 2, 3, 4 on every grading path: acelabs grade, nbgrader autograde, formgrader ------------

def escaping_answer(toy: toy_course.ToyClass, outside: Path) -> dict[str, str]:
    """The reference answers, with q1 also trying to write into the course and /tmp."""
    attempt = (
        "import pathlib\n"
        f"for _target in ({str(toy.root / ESCAPE)!r}, {str(outside)!r}):\n"
        "    try:\n"
        "        pathlib.Path(_target).write_text('escaped')\n"
        "        print('WRITE-' + 'SUCCEEDED', _target)\n"
        "    except OSError as _error:\n"
        "        print('write blocked:', _error)\n")
    return {**toy.answers, "q1": attempt + toy.answers["q1"]}


def scripting_answer(toy: toy_course.ToyClass) -> tuple[dict[str, str], callable]:
    def add_markdown(nb: nbformat.NotebookNode) -> None:
        nb.cells.insert(2, new_markdown_cell(ATTACK_MARKDOWN))
    return {**toy.answers, "q1": ATTACK_CELL + toy.answers["q1"]}, add_markdown


def assert_not_escaped(toy: toy_course.ToyClass, outside: Path, student: str) -> None:
    """The notebook ran, and neither write reached the host (a write to /tmp may succeed in
    the box's own /tmp, which the host never sees)."""
    graded = (toy.root / "autograded" / student / "toy" / "toy.ipynb").read_text()
    assert "write blocked" in graded  # the course is not even in view
    assert f"WRITE-SUCCEEDED {toy.root / ESCAPE}" not in graded
    assert not (toy.root / ESCAPE).exists()
    assert not outside.exists()


def assert_no_script(toy: toy_course.ToyClass, student: str) -> None:
    graded = toy.root / "autograded" / student / "toy" / "toy.ipynb"
    nb = nbformat.read(str(graded), as_version=4)
    assert MARK not in json.dumps([cell.get("outputs", []) for cell in nb.cells])
    assert not student_script(formgrader_page(toy.course.config, graded))


def score(toy: toy_course.ToyClass, student: str) -> float | None:
    with Gradebook(toy.course.db_url, toy.course.course_id) as gradebook:
        try:
            return gradebook.find_submission("toy", student).score
        except Exception:
            return None


needs_sandbox = pytest.mark.skipif(not sandbox.bubblewrap(), reason="needs bubblewrap")


@pytest.fixture(scope="module")
def acelabs_graded(tmp_path_factory):
    toy = toy_course.released(tmp_path_factory.mktemp("acelabs-grade"))
    outside = Path("/tmp") / f"{ESCAPE}-acelabs"
    toy.hand_in("good", toy.answers)
    toy.hand_in("escaper", escaping_answer(toy, outside))
    toy.hand_in("scripter", *scripting_answer(toy))
    for kind in IRREGULAR:
        toy.hand_in(kind, toy.answers)
        _plant(toy.root / "submitted" / kind / "toy", kind,
               toy.root / "source" / "toy" / "toy.ipynb")
    results = {r.student: r for r in pipeline.grade(toy.course, jobs=JOBS)}
    yield toy, outside, results
    with contextlib.suppress(FileNotFoundError):
        outside.unlink()


@pytest.mark.slow
@needs_sandbox
def test_acelabs_grade_keeps_student_code_in_the_sandbox(acelabs_graded):
    toy, outside, results = acelabs_graded
    assert results["escaper"].graded and results["escaper"].score == 3, results["escaper"]
    assert_not_escaped(toy, outside, "escaper")


@pytest.mark.slow
def test_acelabs_grade_refuses_links_and_special_files_and_grades_the_rest(acelabs_graded):
    toy, _, results = acelabs_graded
    assert results["good"].graded and results["good"].score == 3
    for kind, words in IRREGULAR.items():
        assert not results[kind].graded and words in results[kind].problem, results[kind]
        assert not (toy.root / "autograded" / kind).exists()
        assert not (toy.root / "feedback" / kind).exists()


@pytest.mark.slow
def test_acelabs_grade_feedback_and_formgrader_run_no_student_script(acelabs_graded):
    toy, _, results = acelabs_graded
    assert results["scripter"].graded and results["scripter"].score == 3, results["scripter"]
    assert_no_script(toy, "scripter")
    page = (toy.root / "feedback" / "scripter" / "toy" / "toy.html").read_text()
    assert "window." + MARK in page  # the student's code is shown, as text
    assert not student_script(page)


@pytest.fixture(scope="module")
def nbgrader_graded(tmp_path_factory):
    """A class graded with plain `nbgrader autograde` and `generate_feedback` in the course."""
    toy = toy_course.released(tmp_path_factory.mktemp("nbgrader-autograde"))
    outside = Path("/tmp") / f"{ESCAPE}-nbgrader"
    toy.hand_in("escaper", escaping_answer(toy, outside))
    toy.hand_in("scripter", *scripting_answer(toy))
    toy.hand_in("linker", toy.answers)
    _plant(toy.root / "submitted" / "linker" / "toy", "link",
           toy.root / "source" / "toy" / "toy.ipynb")
    toy.hand_in("piper", toy.answers)
    _plant(toy.root / "submitted" / "piper" / "toy", "fifo_notebook", toy.root)
    nbgrader = str(Path(sys.executable).parent / "nbgrader")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    graded = subprocess.run([nbgrader, "autograde", "toy", "--force"], cwd=toy.root, env=env,
                            capture_output=True, text=True, timeout=900)
    subprocess.run([nbgrader, "generate_feedback", "toy", "--force"], cwd=toy.root, env=env,
                   capture_output=True, text=True, timeout=900)
    yield toy, outside, graded
    with contextlib.suppress(FileNotFoundError):
        outside.unlink()


@pytest.mark.slow
@needs_sandbox
def test_nbgrader_autograde_runs_student_code_in_the_sandbox(nbgrader_graded):
    toy, outside, graded = nbgrader_graded
    assert score(toy, "escaper") == 3, graded.stderr[-3000:]
    assert_not_escaped(toy, outside, "escaper")


@pytest.mark.slow
def test_nbgrader_autograde_refuses_links_and_shows_no_student_script(nbgrader_graded):
    toy, _, graded = nbgrader_graded
    assert graded.returncode != 0 and "symbolic link" in graded.stderr, graded.stderr[-3000:]
    assert not (toy.root / "autograded" / "linker" / "toy").exists()  # nbgrader's copy removed
    assert "piper/toy: not graded" in graded.stderr and "FIFO" in graded.stderr  # never opened
    assert not (toy.root / "autograded" / "piper" / "toy").exists()
    assert not (toy.root / "feedback" / "linker").exists()
    assert score(toy, "scripter") == 3
    assert_no_script(toy, "scripter")
    page = (toy.root / "feedback" / "scripter" / "toy" / "toy.html").read_text()
    assert not student_script(page)


@pytest.mark.slow
def test_a_regrade_never_opens_a_timestamp_that_is_not_a_file(tmp_path):
    """nbgrader reads timestamp.txt to decide whether a graded submission is newer, before any
    hook: a FIFO there would hang the whole class's run. It is refused; the grade stands."""
    toy = toy_course.released(tmp_path)
    toy.hand_in("piper", toy.answers)
    nbgrader = str(Path(sys.executable).parent / "nbgrader")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    first = subprocess.run([nbgrader, "autograde", "toy"], cwd=toy.root, env=env,
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0 and score(toy, "piper") == 3, first.stderr[-3000:]
    stamp = toy.root / "submitted" / "piper" / "toy" / "timestamp.txt"
    stamp.unlink(missing_ok=True)
    os.mkfifo(stamp)
    again = subprocess.run([nbgrader, "autograde", "toy"], cwd=toy.root, env=env,
                           capture_output=True, text=True, timeout=120)
    assert "timestamp.txt not read: it is a FIFO" in again.stderr, again.stderr[-3000:]
    assert score(toy, "piper") == 3


@pytest.mark.slow
@needs_sandbox
def test_formgrader_autograde_button_runs_student_code_in_the_sandbox(tmp_path):
    toy = toy_course.released(tmp_path)
    outside = Path("/tmp") / f"{ESCAPE}-formgrader"
    toy.hand_in("escaper", escaping_answer(toy, outside))
    app = NbGrader()  # formgrader's own way of reading the course's config
    app.load_cwd_config = True
    with contextlib.chdir(toy.root):
        app.load_config_file()
        api = NbGraderAPI(config=app.config)
        result = api.autograde("toy", "escaper")  # what the ⚡ Autograde button calls
    try:
        assert result["success"], result.get("log", "")[-3000:]
        assert score(toy, "escaper") == 3
        assert_not_escaped(toy, outside, "escaper")
    finally:
        with contextlib.suppress(FileNotFoundError):
            outside.unlink()


GRADER = "acelabs-grader"  # the unprivileged account the README has an operator grade as


def _as_grader(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    ids = ["--reuid", GRADER, "--regid", GRADER, "--init-groups"]
    return subprocess.run(["setpriv", *ids, "env", f"HOME={cwd}", *command], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_an_unprivileged_account_grades_the_class_in_the_sandbox(tmp_path):
    """Graded as an account of its own, student code is still boxed and the class graded."""
    if os.geteuid() != 0 or not sandbox.bubblewrap():
        pytest.skip("making a grading account needs root, and the box bubblewrap")
    if subprocess.run(["id", GRADER], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                        "/usr/sbin/nologin", GRADER], check=True)
    root = Path(tempfile.mkdtemp(prefix="acelabs-unprivileged-"))
    try:
        if _as_grader([sys.executable, "-c", "import autograde"], REPO).returncode != 0:
            pytest.skip(f"{GRADER} cannot run this environment's Python ({sys.executable} is "
                        "under a folder only root may enter)")
        toy = toy_course.released(root)
        toy.hand_in("honest", toy.answers)
        toy.hand_in("escaper", {**toy.answers, "q1": WRITES_OUTSIDE.format(root=root)})
        subprocess.run(["chown", "-R", GRADER, str(root)], check=True)
        done = _as_grader([sys.executable, "-m", "autograde.cli", "grade", "--jobs", "1"], root)
        assert done.returncode == 0, done.stderr[-3000:]
        assert "SANDBOX OFF" not in done.stderr, done.stderr[-3000:]
        rows = {line.split()[0]: line for line in done.stdout.splitlines()}
        assert "3 / 3" in rows["honest"] and "1 / 3" in rows["escaper"], done.stdout
        assert not (root / "planted").exists()
    finally:
        shutil.rmtree(root, ignore_errors=True)


WRITES_OUTSIDE = ("open('{root}/planted', 'w').write('x')\n"
                  "def add(a, b):\n    return a + b")
