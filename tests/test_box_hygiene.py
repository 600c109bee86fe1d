"""A box that hurts neither the next student nor the grader: FIFOs, sockets, links and
read-only folders left for the host to remove, and the disk limits of the course config."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from autograde import pipeline, sandbox
from tests import toy_course

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox.bubblewrap(), reason="boxes need bubblewrap")]

def test_memory_held_reads_anonymous_and_shared_memory(tmp_path: Path):
    (tmp_path / "memory.stat").write_text("cache 999\nrss 10\nshmem 5\nmapped_file 7\n")
    assert sandbox.memory_held((tmp_path,)) == 15
    (tmp_path / "memory.stat").write_text("anon 3\nfile 100\nshmem 4\n")
    assert sandbox.memory_held((tmp_path,)) == 7
    assert sandbox.memory_held(()) is None


FIFO_AND_READ_ONLY = """
import os, socket
os.mkdir('trap')
os.mkfifo('trap/fifo')
os.mkfifo('../fifo')  # beside the kernel's own sockets and connection file
socket.socket(socket.AF_UNIX).bind('trap/socket')
os.symlink('/etc', 'trap/etc')
try:
    os.mknod('trap/null', 0o20666, os.makedev(1, 3))
except OSError:
    pass
os.chmod('trap', 0o500)
os.chmod('.', 0o500)
answer_c1 = 'B'
"""


def test_a_fifo_and_a_read_only_folder_do_not_hang_the_grader(tmp_path):
    toy = toy_course.released(tmp_path)
    toy.hand_in("a-traps", {**toy.answers, "c1": FIFO_AND_READ_ONLY})
    toy.hand_in("b-good", toy.answers)
    command = [sys.executable, "-m", "autograde.cli", "grade", "--jobs", "1"]
    done = subprocess.run(command, cwd=toy.root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line[:1] in "ab"}
    assert "3 / 3" in rows["a-traps"] and "3 / 3" in rows["b-good"], done.stdout


def test_host_side_removal_never_opens_what_it_removes(tmp_path: Path):
    box = tmp_path / "box"
    (box / "deep" / "er").mkdir(parents=True)
    os.mkfifo(box / "deep" / "er" / "fifo")
    os.mkfifo(box / "fifo")
    (box / "deep" / "link").symlink_to(tmp_path / "outside")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "kept").write_text("x")
    (box / "deep" / "er").chmod(0o500)
    box.chmod(0o500)
    finished = []
    worker = threading.Thread(target=lambda: finished.append(sandbox.remove_tree(box)),
                              daemon=True)
    worker.start()
    worker.join(30)
    assert finished == [True]
    assert not box.exists() and (tmp_path / "outside" / "kept").exists()


def test_a_box_directory_that_cannot_be_removed_in_time_is_given_up(tmp_path: Path):
    for i in range(50):
        (tmp_path / "box" / str(i)).mkdir(parents=True)
    assert not sandbox.remove_tree(tmp_path / "box", timeout=0)


def test_disk_limits_are_read_from_the_course_config(tmp_path):
    toy = toy_course.released(tmp_path, "c.Limits.disk_mb = 300\nc.Limits.disk_files = 77\n")
    limits = pipeline.limits(toy.course)
    assert (limits.disk_mb, limits.disk_files) == (300, 77)
