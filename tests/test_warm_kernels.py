"""Warm kernels: every notebook in a kernel forked from a boxed zygote, one student after another
in the same box, with nothing of one student left for the next."""

from __future__ import annotations

import json

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from autograde import execute, pipeline, sandbox
from autograde.execute import Job
from autograde.executors import WarmPool
from autograde.slots import Slot
from tests import toy_course

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox.bubblewrap(), reason="warm kernels need bubblewrap")]

LEAVE_TRACES = """
import builtins, os, subprocess, numpy
open('/tmp/trace', 'w').write('x')
open('/dev/shm/trace', 'w').write('x')
open('../../trace', 'w').write('x')  # the box's shared directory, outside this notebook's own
subprocess.Popen(['sleep', '600'], start_new_session=True)
numpy.TRACE = builtins.TRACE = 1
"""
FIND_TRACES = """
import builtins, os, numpy
def _command(pid):
    try:
        return open(f'/proc/{pid}/cmdline').read()
    except OSError:
        return ''
traces = [p for p in ('/tmp/trace', '/dev/shm/trace', '../../trace') if os.path.exists(p)]
traces += ['numpy'] * hasattr(numpy, 'TRACE') + ['builtins'] * hasattr(builtins, 'TRACE')
traces += ['sleep' for p in os.listdir('/proc') if p.isdigit() and _command(p).startswith('sleep')]
"""
ADD_IF_CLEAN = "def add(a, b):\n    return a + b if not traces else None"


def test_nothing_of_one_student_reaches_the_next(tmp_path):
    toy = toy_course.released(tmp_path)
    toy.hand_in("a-leaves-traces", {**toy.answers, "c1": "answer_c1 = 'B'\n" + LEAVE_TRACES})
    toy.hand_in("b-looks-for-them", {**toy.answers, "q1": FIND_TRACES + ADD_IF_CLEAN})
    # the check itself sees traces when they are there: one notebook leaves and looks
    toy.hand_in("c-sees-its-own", {"c1": "answer_c1 = 'B'",
                                   "q1": LEAVE_TRACES + FIND_TRACES + ADD_IF_CLEAN})
    pool = WarmPool()
    try:
        scores = {r.student: r.score for r in pipeline.grade(toy.course, jobs=1, executor=pool)}
    finally:
        pool.close()
    assert pool.started == 1, "all three notebooks ran in one box"
    assert scores == {"a-leaves-traces": 3, "b-looks-for-them": 3, "c-sees-its-own": 1}


def test_a_student_who_kills_the_box_loses_only_their_own_run(tmp_path):
    toy = toy_course.released(tmp_path)
    toy.hand_in("a-kills-everything", {**toy.answers, "c1": "import os\nos.kill(-1, 9)"})
    toy.hand_in("b-good", toy.answers)
    pool = WarmPool()
    try:
        results = {r.student: r for r in pipeline.grade(toy.course, jobs=1, executor=pool)}
    finally:
        pool.close()
    assert results["a-kills-everything"].score == 2
    # kill(-1) spares the caller: the kernel dies with its box, unless its last test cells are
    # judged before the box's death reaches it (then the run is complete and needs no note)
    note = results["a-kills-everything"].note
    assert note is None or "kernel died" in note, note
    assert results["b-good"].score == 3
    assert pool.started == 2, "the dead box was replaced"


def test_the_notebook_time_limit_holds_in_a_warm_kernel(tmp_path):
    toy = toy_course.released(tmp_path, "c.Execute.timeout = 30\nc.Limits.notebook_seconds = 6\n")
    toy.hand_in("slow", {"q1": "import time\ntime.sleep(4)\ndef add(a, b):\n    return a + b",
                         "c1": "import time\ntime.sleep(4)\nanswer_c1 = 'B'"})
    [result] = pipeline.grade(toy.course, jobs=1)
    assert result.score == 2
    assert "ran past its limit of 6 s" in result.note


MEMORY_IN_MANY_PROCESSES = """
import os, time
def add(a, b):
    return a + b
pids = []
for _ in range(6):  # 6 x 400 MB: each process within its own limit, together past the box's
    pid = os.fork()
    if pid == 0:
        try:
            block = bytearray(400 * 2**20)
            time.sleep(5)
            os._exit(0)
        finally:
            os._exit(1)
    pids.append(pid)
survived = sum(os.waitpid(pid, 0)[1] == 0 for pid in pids)
if survived == len(pids):
    add = None
"""


def test_memory_is_bounded_for_the_box_as_a_whole(tmp_path):
    """Each process's address space counts from what the zygote left it, so the memory cgroup
    is what bounds processes that each stay within their own limit."""
    toy = toy_course.released(tmp_path, "c.Limits.memory_mb = 1024\n")
    toy.hand_in("hog", {**toy.answers, "q1": MEMORY_IN_MANY_PROCESSES})
    [result] = pipeline.grade(toy.course, jobs=1)
    assert result.score == 3, result.note


def test_a_kernel_cannot_reach_the_box_control_channel():
    """The zygote's socket is closed in every kernel it forks: a student cannot ask it to fork,
    signal or reset anything."""
    cell = ("import os\nprint(sorted({os.stat(f'/proc/self/fd/{fd}').st_ino "
            "for fd in os.listdir('/proc/self/fd') if os.path.exists(f'/proc/self/fd/{fd}')}))")
    nb = new_notebook(cells=[new_code_cell(cell)])
    slot = Slot((), cpus=1.0, processes=64, memory_mb=1024)
    try:
        outcome = execute.run(Job(notebook=dict(nb)), slot)
    finally:
        slot.close()
    assert outcome.status == "ok", outcome.message
    inodes = json.loads(outcome.notebook["cells"][0]["outputs"][0]["text"])
    assert slot.channel_inode and inodes
    assert slot.channel_inode not in inodes


def test_a_box_that_keeps_memory_after_its_reset_is_not_reused(monkeypatch):
    """The next student in a box still charged for the last one's memory could be killed as
    over the limit, so such a box is closed and a fresh one made."""
    from autograde import slots

    held = iter([10 * 2**20, 900 * 2**20] + [10 * 2**20] * 10)  # start, after the first reset…
    monkeypatch.setattr(slots.sandbox, "memory_held", lambda groups: next(held))
    nb = dict(new_notebook(cells=[new_code_cell("x = 1")]))
    pool = WarmPool()
    try:
        first, second = pool.run(Job(notebook=nb)), pool.run(Job(notebook=nb))
    finally:
        pool.close()
    assert first.status == second.status == "ok", (first.message, second.message)
    assert pool.started == 2, "the box that kept its memory was given to the next notebook"


MANY_FILES = """
import os
made = 0
try:
    for i in range(500):
        open(f'f{i}', 'w').close()
        made += 1
except OSError as error:
    print(made, error.errno)
"""


@pytest.mark.skipif(not sandbox.can_cap_disk(), reason="capping a box's folder needs root")
def test_a_warm_box_folder_holds_no_more_files_than_the_limit():
    nb = dict(new_notebook(cells=[new_code_cell(MANY_FILES)]))
    pool = WarmPool()
    try:
        outcome = pool.run(Job(notebook=nb, limits=execute.Limits(disk_files=60)))
    finally:
        pool.close()
    assert pool.started == 1, "the notebook ran in a warm box"
    made, errno = outcome.notebook["cells"][0]["outputs"][0]["text"].split()
    assert int(made) < 60 and errno == "28", "the box's folder took files past its cap"
