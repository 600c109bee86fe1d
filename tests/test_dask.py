"""Grading through a real Dask cluster on loopback: a scheduler and two workers."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograde import pipeline
from autograde.executors import DaskCluster
from tests import toy_course

pytestmark = pytest.mark.slow

DASK = [str(Path(sys.executable).parent / "dask")]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    address_file = folder / "scheduler.json"
    processes = [subprocess.Popen(
        [*DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(address_file)], cwd=folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        for name in ("w1", "w2"):
            processes.append(subprocess.Popen(
                [*DASK, "worker", address, "--nthreads", "1", "--name", name,
                 "--no-dashboard", "--host", "127.0.0.1"], cwd=folder,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        cluster = DaskCluster(address)
        cluster.client.wait_for_workers(2, timeout=60)
        cluster.close()
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(30)


def test_a_class_grades_the_same_on_the_cluster(scheduler, tmp_path):
    toy = toy_course.released(tmp_path)
    answers, course = toy.answers, toy.course
    class_ = {"full": answers, "blank": {}, "half": {"q1": answers["q1"]},
              "dies": {**answers, "q1": "import os\nos._exit(1)"}}
    for student, cells in class_.items():
        toy.hand_in(student, cells)
    cluster = DaskCluster(scheduler)
    runners = []
    original_run = cluster.run

    def recording_run(job):
        outcome = original_run(job)
        runners.append(outcome.runner)
        return outcome

    cluster.run = recording_run
    try:
        results = pipeline.grade(course, executor=cluster, jobs=2)
    finally:
        cluster.close()
    scores = {r.student: r.score for r in results}
    assert scores == {"full": 3, "blank": 0, "half": 2, "dies": 0}
    assert "kernel died" in next(r.note for r in results if r.student == "dies")
    assert set(runners) == {"w1", "w2"}, runners


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    root = toy_course.make(tmp_path)
    (root / "submitted" / "a" / "toy").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-m", "autograde.cli", "grade", "--scheduler", "tcp://127.0.0.1:9"],
        cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("acelabs: error:")]
    assert lines, result.stderr[-2000:]
