"""Where notebooks run. Every executor takes a `Job` and blocks until its `Outcome`.

Executors are called from several coordinator threads at once, one job per thread, so the
number of threads is the number of notebooks running together.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from typing import Protocol

import nbformat

from autograde import sandbox, slots
from autograde.execute import Job, Outcome, mark_unrun_cells, run


class Executor(Protocol):
    name: str

    def run(self, job: Job) -> Outcome: ...


class InProcess:
    """Runs the notebook from this process (its kernel is still a child process): debugging."""

    name = "in-process"

    def run(self, job: Job) -> Outcome:
        return run(job)


class LocalProcess:
    """Runs each notebook in a child process of its own, killed whole at the time limit."""

    name = "local"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "autograde.execute"]

    def run(self, job: Job) -> Outcome:
        payload = json.dumps(asdict(job))
        env = {**os.environ, "NBGRADER_EXECUTION": "autograde"}
        process = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True,
                                   env=env)
        try:
            stdout, stderr = process.communicate(payload, timeout=job.limits.notebook_seconds)
        except subprocess.TimeoutExpired:
            _stop(process)
            return _failed(job, "timeout",
                           f"the notebook ran past its limit of {job.limits.notebook_seconds} s")
        finally:
            _stop(process)
        if process.returncode != 0 or not stdout.strip():
            last = (stderr.strip().splitlines() or ["no output"])[-1]
            return _failed(job, "broken", f"the grader's runner stopped ({last})")
        return Outcome(**json.loads(stdout))


class WarmPool:
    """The default: each notebook in a kernel forked from a warm, boxed zygote
    (`autograde.slots`), so no notebook pays for starting Python and importing its libraries.

    Slots are made on first use, one per notebook running at once and per set of libraries
    (a TensorFlow lab's zygote has TensorFlow imported), reset after every notebook, and kept
    until `close`. Where bubblewrap is missing, or a slot cannot start, the notebook gets a cold
    kernel of its own (`LocalProcess`).
    """

    name = "local"

    def __init__(self, max_idle: int | None = None) -> None:
        self.max_idle = max_idle or 2 * (os.cpu_count() or 1)
        self._idle: list[tuple[tuple, slots.Slot]] = []
        self._lock = threading.Lock()
        self.started = 0  # slots made so far

    def run(self, job: Job) -> Outcome:
        if not sandbox.bubblewrap():
            return LocalProcess().run(job)
        limits = job.limits
        key = (slots.preload_for(job.notebook), limits.cpus, limits.processes,
               limits.memory_mb, limits.disk_mb, limits.disk_files)
        try:
            slot = self._borrow(key)
        except (slots.SlotDead, OSError, ValueError):
            return LocalProcess().run(job)
        try:
            outcome = run(job, slot)
        finally:
            self._give_back(key, slot)
        if outcome.status == "broken":  # the box failed before the kernel could start
            return LocalProcess().run(job)
        return outcome

    def _borrow(self, key: tuple) -> slots.Slot:
        with self._lock:
            dead = [slot for _, slot in self._idle if not slot.alive]
            self._idle = [(k, slot) for k, slot in self._idle if slot.alive]
            match = next((i for i, (k, _) in enumerate(self._idle) if k == key), None)
            found = self._idle.pop(match)[1] if match is not None else None
        for slot in dead:
            slot.close()
        if found:
            return found
        slot = slots.Slot(*key)
        with self._lock:
            self.started += 1
        return slot

    def _give_back(self, key: tuple, slot: slots.Slot) -> None:
        try:
            slot.reset()
        except Exception:  # the box died with the notebook, or kept its memory: start afresh
            slot.close()
            return
        with self._lock:
            self._idle.append((key, slot))
            surplus = self._idle[:-self.max_idle] if len(self._idle) > self.max_idle else []
            del self._idle[:len(surplus)]
        for _, old in surplus:
            old.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for _, slot in idle:
            slot.close()


def _stop(process: subprocess.Popen, grace: float = 10) -> None:
    """Ask the runner to stop (it then empties the sandbox), then kill its whole group."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _failed(job: Job, status: str, message: str) -> Outcome:
    """The prepared notebook with every cell marked not run: it scores 0 with a reason."""
    nb = mark_unrun_cells(nbformat.from_dict(job.notebook), message)
    return Outcome(dict(nb), status, message)


_worker_pool: WarmPool | None = None
_worker_pool_lock = threading.Lock()


def _run_on_worker(job: Job) -> Outcome:
    """What a Dask worker does with a job: the same sandboxed, time-limited run as here, in
    warm slots the worker keeps for as long as it lives."""
    global _worker_pool
    from distributed import get_worker

    with _worker_pool_lock:
        if _worker_pool is None:
            _worker_pool = WarmPool()
    outcome = _worker_pool.run(job)
    outcome.runner = str(get_worker().name)
    return outcome


class DaskCluster:
    """Sends each notebook to a Dask distributed cluster (``tcp://HOST:PORT``).

    Workers must run in the same environment as the coordinator (this package installed, and
    bubblewrap for the sandbox): ``dask worker tcp://HOST:PORT --nthreads 2``. Each worker
    thread runs one notebook at a time in its own sandboxed process.
    """

    name = "dask"

    def __init__(self, scheduler: str, timeout: float = 30) -> None:
        from distributed import Client

        self.client = Client(scheduler, timeout=timeout, set_as_default=False)

    def run(self, job: Job) -> Outcome:
        future = self.client.submit(_run_on_worker, job, pure=False, key=f"grade-{job.label}-"
                                    f"{os.urandom(4).hex()}")
        return future.result()

    def close(self) -> None:
        self.client.close()
