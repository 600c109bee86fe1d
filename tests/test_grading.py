"""Grading a class with broken and hostile submissions in the toy course.

Each must be graded (or rejected) with a reason while the rest of the class is graded right,
and nothing may reach outside its sandbox.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograde import pipeline, sandbox
from autograde.course import Course
from autograde.execute import Outcome
from autograde.executors import InProcess
from tests import toy_course

pytestmark = pytest.mark.slow

HOSTILE = {
    "good": {},
    "infinite_loop": {"c1": "while True:\n    pass"},
    "kernel_exit": {"q1": "import os\nos._exit(1)"},
    "sys_exit": {"q1": "import sys\nsys.exit(3)"},
    "segfault": {"q1": "import ctypes\nctypes.string_at(0)"},
    # the kernel dies inside the hidden tests, before they can fail
    "dies_in_tests": {"q1": "import os\ndef add(a, b):\n    os._exit(0)"},
    "memory_bomb": {"q1": "blocks = []\nwhile True:\n    blocks.append(bytearray(10**8))"},
    "fork_bomb": {"q1": "import os\nwhile True:\n    try:\n        os.fork()\n"
                        "    except OSError:\n        pass"},
    "output_flood": {"q1": "def add(a, b):\n    return a + b\nfor _ in range(100):\n"
                           "    print('x' * 1_000_000)"},
    "chatty": {"q1": "def add(a, b):\n    return a + b\nfor _ in range(40):\n"
                     "    print('x' * 100_000)"},
    "spies": {"q1": (
        "import os, socket\nfound = [p for p in ('{root}/source', '{root}/gradebook.db',"
        " '{root}/submitted') if os.path.exists(p)]\n"
        "open('/tmp/planted', 'w').write('x')\n"
        "try:\n    open('{root}/planted', 'w').write('x')\nexcept OSError:\n    pass\n"
        "try:\n    socket.create_connection(('127.0.0.1', 22), timeout=2)\n"
        "    net = True\n"
        "except OSError:\n    net = False\n"
        "def add(a, b):\n    if found or net:\n"
        "        raise RuntimeError(f'saw {{found}} {{net}}')\n"
        "    return a + b")},
}
WRONG_ADD = "def add(a, b):\n    return 0"


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _delete_tests(nb):
    nb.cells.remove(_cell(nb, "q1_tests"))


def _edit_tests(nb):
    _cell(nb, "q1_tests").source = "pass"


def _tamper_metadata(nb):
    meta = _cell(nb, "q1_tests").metadata["nbgrader"]
    meta.update(points=100, grade=False, locked=False)
    _cell(nb, "c1_tests").metadata["nbgrader"]["grade_id"] = "q1_tests"


def _duplicate_grade_ids(nb):
    nb.cells.append(copy.deepcopy(_cell(nb, "c1_tests")))
    nb.cells.append(copy.deepcopy(_cell(nb, "q1_tests")))


def _reorder(nb):
    nb.cells.reverse()


EDITS = {  # students whose notebook is edited beyond their solution cells
    "deleted_tests": ({"q1": WRONG_ADD}, _delete_tests),
    "edited_tests": ({"q1": WRONG_ADD}, _edit_tests),
    "tampered_metadata": ({"q1": WRONG_ADD}, _tamper_metadata),
    "duplicate_ids": ({"q1": WRONG_ADD}, _duplicate_grade_ids),
    "reordered": ({}, _reorder),
    "always_equal": ({"c1": "class Anything:\n    def __eq__(self, other):\n        return True\n"
                           "    __hash__ = object.__hash__\nanswer_c1 = Anything()"}, None),
    "patched_builtins": ({"q1": WRONG_ADD + "\nimport builtins\n"
                                "builtins.AssertionError = type('Quiet', (Exception,), {})"},
                         None),
    "patched_import": ({"q1": WRONG_ADD + "\nimport builtins\nbuiltins.__import__ = None"},
                       None),
}
EXPECTED = {  # student -> (score, words in the note or None)
    "good": (3, None), "infinite_loop": (2, "cell c1 ran past the limit of 5 s"),
    "kernel_exit": (0, "kernel died"),
    "sys_exit": (1, None), "segfault": (0, "kernel died"),
    "dies_in_tests": (0, "kernel died"), "memory_bomb": (1, None),
    "fork_bomb": (0, "limit"), "output_flood": (3, None), "chatty": (3, None),
    "spies": (3, None), "deleted_tests": (1, None), "edited_tests": (1, None),
    "tampered_metadata": (None, "metadata was edited"),
    "duplicate_ids": (None, "metadata was edited"), "reordered": (0, None),
    "always_equal": (2, None), "patched_builtins": (1, None),
    "patched_import": (0, None),
}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    toy = toy_course.released(tmp_path_factory.mktemp("hostile"),
                              "c.Execute.timeout = 5\nc.Limits.notebook_seconds = 40\n"
                              "c.Limits.memory_mb = 1024\n")
    everyone = {**{s: (cells, None) for s, cells in HOSTILE.items()}, **EDITS}
    for student, (cells, edit) in everyone.items():
        cells = {k: v.replace("{root}", str(toy.root)) for k, v in cells.items()}
        toy.hand_in(student, {**toy.answers, **cells}, edit)
    results = {r.student: r for r in pipeline.grade(toy.course, jobs=2)}
    return toy.root, results


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_each_submission_is_graded_with_its_reason(graded_class, student):
    _, results = graded_class
    result = results[student]
    score, words = EXPECTED[student]
    assert result.graded == (score is not None), result.problem
    assert result.score == score, (result.score, result.note)
    if words:
        assert words in (result.note or result.problem or ""), (result.note, result.problem)


def test_nothing_escapes_the_sandbox(graded_class):
    root, _ = graded_class
    assert not (root / "planted").exists()
    assert not Path("/tmp/planted").exists() or not sandbox.bubblewrap()


def test_output_is_bounded(graded_class):
    root, _ = graded_class
    for student in ("output_flood", "chatty"):
        graded = root / "autograded" / student / "toy" / "toy.ipynb"
        assert graded.stat().st_size < 3_000_000
    assert "output limit reached" in graded.read_text()


def test_gradebook_has_one_submission_per_graded_student(graded_class):
    root, _ = graded_class
    course = Course.load(root)
    with Gradebook(course.db_url, course.course_id) as gradebook:
        students = sorted(s.student.id for s in gradebook.find_assignment("toy").submissions)
    graded = {s for s, (score, _) in EXPECTED.items() if score is not None}
    assert students == sorted(graded)  # no 0 stored for what could not be graded


def test_in_process_executor_gives_the_same_scores(tmp_path):
    toy = toy_course.released(tmp_path)
    toy.hand_in("a", toy.answers)
    toy.hand_in("b")
    scores = {r.student: r.score for r in pipeline.grade(toy.course, executor=InProcess())}
    assert scores == {"a": 3, "b": 0}
    assert json.loads((toy.root / "autograded" / "a" / "toy" / "toy.ipynb").read_text())


def test_a_killed_run_resumes_without_regrading(tmp_path):
    toy = toy_course.released(tmp_path)
    root, course = toy.root, toy.course
    slow = {**toy.answers, "q1": "import time\ntime.sleep(2)\n" + toy.answers["q1"]}
    students = [f"s{i}" for i in range(6)]
    for student in students:
        toy.hand_in(student, slow)
    command = [sys.executable, "-m", "autograde.cli", "grade", "--jobs", "1"]
    run = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    records = root / "autograded" / ".acelabs-graded"
    deadline = time.monotonic() + 120
    while len(list(records.rglob("*.json"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    run.kill()  # SIGKILL, mid-class
    run.wait()
    finished = {p.parent.name for p in records.rglob("*.json")}
    assert 2 <= len(finished) < len(students)

    leftovers = list(Path(tempfile.gettempdir()).glob(f"acelabs-slot-{run.pid}-*"))
    assert leftovers or not sandbox.bubblewrap(), "a warm box was open when the grader died"

    again = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    # the killed grader's boxes left nothing behind once the next grader ran
    assert not list(Path(tempfile.gettempdir()).glob(f"acelabs-slot-{run.pid}-*"))
    assert not list(sandbox.CGROUP_ROOT.glob(f"*/acelabs-{run.pid}-*"))
    rows = {line.split()[0]: line for line in again.stdout.splitlines() if line.startswith("s")}
    assert all("3 / 3" in rows[s] for s in students), again.stdout
    assert {s for s in students if "unchanged since graded" in rows[s]} == finished
    with Gradebook(course.db_url, course.course_id) as gradebook:
        graded = [(s.student.id, s.score) for s in gradebook.find_assignment("toy").submissions]
    assert sorted(graded) == [(s, 3.0) for s in students]

    forced = subprocess.run([*command, "--force"], cwd=root, capture_output=True, text=True,
                            timeout=300)
    assert "unchanged" not in forced.stdout and forced.stdout.count("3 / 3") == len(students)


class BrokenExecutor:
    """An executor whose kernels never start: the grader's fault, never the student's."""

    name = "broken"

    def run(self, job):
        return Outcome(job.notebook, "broken", "the grader could not run the notebook: no kernel")


def test_a_grader_failure_leaves_the_submission_ungraded(tmp_path):
    toy = toy_course.released(tmp_path)
    toy.hand_in("a")
    course = toy.course
    [result] = pipeline.grade(course, executor=BrokenExecutor())
    assert not result.graded and "could not run the notebook" in result.problem
    [again] = pipeline.grade(course, executor=InProcess())
    assert again.graded and again.score == 0 and again.note is None


@pytest.mark.skipif(not os.access(sandbox.CGROUP_ROOT / "pids", os.W_OK),
                    reason="needs a writable pids cgroup")
def test_cgroups_of_a_killed_grader_are_removed_by_the_next(monkeypatch):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    orphan = sandbox.CGROUP_ROOT / "pids" / f"acelabs-{dead}-0123456789ab"
    orphan.mkdir()
    mine = sandbox.CGROUP_ROOT / "pids" / f"acelabs-{os.getpid()}-0123456789ab"
    mine.mkdir()  # a live grader's group stays
    monkeypatch.setattr(sandbox, "_swept", set())
    try:
        with sandbox.cgroup_bounds(["true"], processes=8, cpus=1.0):
            assert not orphan.exists()
            assert mine.exists()
    finally:
        for group in (orphan, mine):
            if group.exists():
                group.rmdir()
