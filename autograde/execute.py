"""Run one notebook: nbclient in a fresh kernel, bounded, in a directory of its own.

This is the untrusted side of grading. A `Job` carries everything the run needs (the prepared
notebook and the files beside it) as plain data, so it can cross a process, a sandbox or a
cluster; an `Outcome` carries the executed notebook back with a status the coordinator can
grade from. Run as ``python -m autograde.execute`` it reads a job as JSON on stdin and writes
the outcome as JSON on stdout — the form the sandboxed executors use.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ctypes
import functools
import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from traitlets import Type

from autograde import guard, judge, sandbox
from autograde.slots import Slot, SlotProvisioner

PR_SET_PDEATHSIG = 1


@dataclass
class Limits:
    """Bounds on one notebook's run; see nbgrader_config.py for where they are set."""

    cell_seconds: int = 120
    notebook_seconds: int = 600
    output_bytes: int = 2_000_000
    memory_mb: int = 4096
    processes: int = 256
    cpus: float = 1.0
    file_mb: int = 256
    disk_mb: int = 1024  # the box's writable space: each of its directory, /tmp and /dev/shm
    disk_files: int = 20_000  # files and folders in the box's directory


@dataclass
class Job:
    notebook: dict
    files: dict[str, str] = field(default_factory=dict)  # relative path -> base64 content
    limits: Limits = field(default_factory=Limits)
    label: str = ""
    # grade cells judged outside the kernel (autograde.judge); False only for a lab the course
    # lists in c.Judge.in_kernel_labs, whose hidden tests still run in the kernel
    judged: bool = True

    @classmethod
    def from_directory(cls, nb: NotebookNode, directory: Path, limits: Limits,
                       label: str = "") -> Job:
        """A job for ``nb`` with every other file of ``directory`` beside it.

        Only regular files and folders are read: a symbolic link (whose copy would be the file
        it points to) or a FIFO or device (which would block or never end) is refused with a
        ValueError before any file is read. Links are told by ``is_symlink`` (lstat), and
        ``rglob`` enters no linked folder.
        """
        paths = sorted(directory.rglob("*"))
        odd = [path for path in paths
               if path.is_symlink() or not (path.is_file() or path.is_dir())]
        if odd:
            names = ", ".join(str(path.relative_to(directory)) for path in odd[:3])
            raise ValueError(f"only regular files and folders are graded, not {names}")
        files = {
            str(path.relative_to(directory)): base64.b64encode(path.read_bytes()).decode()
            for path in paths if path.is_file() and path.suffix != ".ipynb"
        }
        return cls(notebook=dict(nb), files=files, limits=limits, label=label)


@dataclass
class Outcome:
    notebook: dict
    # "ok"; "cell-timeout" (cells stopped at their limit, the rest ran); "timeout" (the
    # notebook's limit: later cells not run); "kernel-died"; or "broken" (the grader's fault)
    status: str
    message: str = ""
    seconds: float = 0.0
    runner: str = ""  # where it ran: "local", or the cluster worker's name
    cell_seconds: float = 0.0  # time the kernel spent running cells, from nbclient's timings
    judge_seconds: float = 0.0  # time spent judging grade cells (learner calls included)

    @property
    def complete(self) -> bool:
        return self.status == "ok"


class BoundedClient(NotebookClient):
    """nbclient with a budget for the bytes of output a notebook may keep, whose grade cells
    are judged by `autograde.judge` instead of run in the student's kernel."""

    def __init__(self, nb: NotebookNode, output_bytes: int, judged: bool = True,
                 box_groups: tuple[Path, ...] = (), **kwargs) -> None:
        super().__init__(nb, **kwargs)
        self.judged = judged
        self.box_groups = box_groups  # the kernel's cgroups: the judge reads its CPU account
        self.output_budget = output_bytes
        self.truncated_cells: set[tuple[int, str]] = set()
        self.finished: set[int] = set()  # cells whose reply (or verdict) came back
        self._judge: judge.Judge | None = None
        self.judge_seconds = 0.0
        self.timed_out: list[str] = []  # names of the cells stopped at the time limit
        self._running: tuple[NotebookNode, int] | None = None

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        if judge.is_test_cell(cell) and self.judged:
            await self._judge_cell(cell, cell_index)
            self.finished.add(cell_index)
            return cell
        original = cell.source
        if judge.is_test_cell(cell):  # a lab not yet judged: the guard, as before the judge
            cell.source = guard.RESTORE_PREFIX + original
        self._running = (cell, cell_index)
        try:
            result = await super().async_execute_cell(cell, cell_index, execution_count,
                                                      store_history)
        finally:
            cell.source = original
            self._running = None
        self.finished.add(cell_index)
        if self.timed_out and self.timed_out[-1] == cell_name(cell, cell_index):
            _name_the_timeout(cell, self.timeout)
        return result

    async def _async_handle_timeout(self, timeout, cell=None):
        """nbclient interrupts a cell at its limit and raises nothing (the cell is left with a
        bare KeyboardInterrupt): note the cell, so its error and the grade's note say why."""
        if self._running is not None:
            self.timed_out.append(cell_name(*self._running))
        return await super()._async_handle_timeout(timeout, cell)

    async def _judge_cell(self, cell: NotebookNode, cell_index: int) -> None:
        """The cell's verdict from the judge, which calls into the kernel from a thread of
        its own while this event loop carries the messages."""
        if self._judge is None:
            channel = judge.KernelChannel(self, asyncio.get_running_loop())
            self._judge = judge.Judge(channel, self.timeout or Limits.cell_seconds,
                                      kernel_cpu=functools.partial(sandbox.cpu_seconds,
                                                                   self.box_groups))
        cell.execution_count = None
        started = time.monotonic()
        try:
            await asyncio.to_thread(self._judge.verdict, cell)
        except judge.KernelDied as error:
            raise DeadKernelError(str(error)) from None
        finally:
            self.judge_seconds += time.monotonic() - started
        if self._judge.timed_out:
            self.timed_out.append(cell_name(cell, cell_index))

    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if out is None:
            return out
        if out.output_type == "error":  # it decides the score: keep the cell's last, trimmed
            _trim_error(out)
            for earlier in [o for o in outs if o is not out and o.output_type == "error"]:
                outs.remove(earlier)
            self.output_budget -= len(json.dumps(out))
            return out
        size = len(json.dumps(out))
        if size <= self.output_budget:
            self.output_budget -= size
            return out
        outs.remove(out)
        stream = out.get("name", "stdout")  # keep "wrote to stderr", which decides a score
        if (cell_index, stream) not in self.truncated_cells:
            self.truncated_cells.add((cell_index, stream))
            note = new_output("stream", name=stream,
                              text="[output limit reached: further output was dropped]\n")
            outs.append(note)
        return None


ERROR_CHARS = 4000


def _trim_error(out: NotebookNode) -> None:
    """An error output of at most about ``ERROR_CHARS`` characters: its message's start, and
    the end of its traceback (where the error was raised)."""
    out.evalue = str(out.get("evalue", ""))[:ERROR_CHARS]
    kept, size = [], 0
    for line in reversed(list(out.get("traceback", []))):
        size += len(line)
        if size > ERROR_CHARS:
            kept.append("[… earlier traceback lines dropped]")
            break
        kept.append(line)
    out.traceback = kept[::-1]


def cell_name(cell: NotebookNode, index: int) -> str:
    """How a message names a cell: by its nbgrader id if it has one, else by its position."""
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"cell {grade_id}" if grade_id else f"cell {index + 1}"


def _name_the_timeout(cell: NotebookNode, seconds: float) -> None:
    """A cell stopped at its time limit carries one error that says so, in place of the
    KeyboardInterrupt the interrupt left (or of nothing, if the cell swallowed it)."""
    message = (f"this cell ran past the grader's limit of {seconds:g} s per cell and was "
               "stopped")
    cell.outputs = [o for o in cell.outputs if o.output_type != "error"]
    cell.outputs.append(new_output("error", ename="TimeoutError", evalue=message,
                                   traceback=[f"TimeoutError: {message}"]))


def mark_unrun_cells(nb: NotebookNode, reason: str,
                     finished: set[int] = frozenset()) -> NotebookNode:
    """Give every code cell that did not finish (its index is not in ``finished``) an error.

    nbgrader scores a grade cell with no error as passed, so a cell the run never reached, or
    was running when the kernel died or the time ran out, must carry an error to score 0.
    """
    for index, cell in enumerate(nb.cells):
        failed = any(output.output_type == "error" for output in cell.get("outputs", []))
        if cell.cell_type == "code" and cell.source.strip() and not failed \
                and index not in finished:
            cell.outputs.append(new_output("error", ename="NotRun", evalue=reason,
                                           traceback=[f"NotRun: {reason}"]))
    return nb


def cell_seconds(nb: NotebookNode) -> float:
    """Seconds between each cell's start and its reply, summed (nbclient records both)."""
    total = 0.0
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if start and end:
            total += (datetime.fromisoformat(end.replace("Z", "+00:00"))
                      - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
    return total


def _kernel_manager(run_dir: Path, argv: list[str]) -> AsyncKernelManager:
    """A kernel started by ``argv``, reached over Unix sockets in ``run_dir``."""
    spec_dir = run_dir / "kernelspec" / "acelabs"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": "Python 3 (graded)", "language": "python",
        "interrupt_mode": "message",  # a signal to the box would not reach the kernel
    }))
    specs = KernelSpecManager(kernel_dirs=[str(spec_dir.parent)])
    return SilentKernelManager(
        kernel_name="acelabs", kernel_spec_manager=specs, transport="ipc",
        ip=str(run_dir / "kernel"), connection_file=str(run_dir / "kernel.json"))


class PromptClient(AsyncKernelClient):
    """A kernel client that is ready once the kernel has answered ``kernel_info`` on the shell
    channel and been heard on IOPub.

    jupyter_client then also waits for 0.2 s of silence on IOPub, to flush it. nbclient skips
    every message that does not answer its own requests, so that wait only delays each
    notebook, and a core sits idle meanwhile.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            with contextlib.suppress(Empty):
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    with contextlib.suppress(Empty):
                        await self.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected
                        self._handle_kernel_info_reply(reply)
                        return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class SilentKernelManager(AsyncKernelManager):
    """A kernel whose own stdout and stderr go nowhere: they would mix into the runner's."""

    client_factory = Type(PromptClient)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw):
        kw.update(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL)
        return await super()._async_launch_kernel(kernel_cmd, **kw)


def _stage(job: Job, run_dir: Path) -> Path:
    """The job's files in ``run_dir/work``, the notebook's working directory."""
    workdir = run_dir / "work"
    workdir.mkdir()
    for relative, content in job.files.items():
        target = (workdir / relative).resolve()
        if workdir.resolve() not in target.parents:
            continue  # a file name that climbs out of the directory is not staged
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(content))
    return workdir


@dataclass
class _Run:
    status: str
    message: str = ""
    finished: set[int] = field(default_factory=set)  # cells whose reply came back
    judge_seconds: float = 0.0


def _execute(nb: NotebookNode, km: AsyncKernelManager, workdir: Path, limits: Limits,
             judged: bool = True, box_groups: tuple[Path, ...] = ()) -> _Run:
    """Run every cell; the status, the reason when the run stopped early, the cells done."""
    client = BoundedClient(
        nb, limits.output_bytes, judged=judged, box_groups=box_groups, km=km,
        timeout=limits.cell_seconds,
        allow_errors=True, interrupt_on_timeout=True,
        resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except DeadKernelError:
        run = _Run("kernel-died",
                   "the kernel died (os._exit, a crash, or past the memory limit)",
                   client.finished)
    except CellTimeoutError as error:
        run = _Run("timeout", str(error).splitlines()[0], client.finished)
    except Exception as error:  # no kernel, no connection: nothing the student did
        run = _Run("broken", "the grader could not run the notebook: "
                   f"{type(error).__name__}: {error}")
    else:
        run = _Run("ok", finished=client.finished)
        if client.timed_out:
            run = _Run("cell-timeout", f"{', '.join(client.timed_out)} ran past the limit of "
                       f"{limits.cell_seconds:g} s per cell and "
                       f"{'was' if len(client.timed_out) == 1 else 'were'} stopped",
                       client.finished)
    run.judge_seconds = client.judge_seconds
    return run


def run(job: Job, slot: Slot | None = None) -> Outcome:
    """Execute the job's notebook in a sandboxed kernel whose directory holds the job's files:
    a kernel forked in a warm `Slot` if one is given, else a cold one started for this job."""
    nb = nbformat.from_dict(job.notebook)
    started = time.monotonic()
    result = _run_cold(nb, job) if slot is None else _run_in_slot(nb, job, slot)
    if result.status in ("kernel-died", "timeout"):
        mark_unrun_cells(nb, result.message, result.finished)
    return Outcome(dict(nb), result.status, result.message, time.monotonic() - started,
                   cell_seconds=cell_seconds(nb), judge_seconds=result.judge_seconds)


def _run_cold(nb: NotebookNode, job: Job) -> _Run:
    limits = job.limits
    with sandbox.capped_dir("acelabs-run-", limits.disk_mb, limits.disk_files) as run_dir:
        workdir = _stage(job, run_dir)
        argv = sandbox.kernel_argv(run_dir, workdir, limits.memory_mb, limits.file_mb,
                                   limits.cpus, limits.disk_mb)
        with sandbox.cgroup_bounds(argv, limits.processes, limits.cpus,
                                   limits.memory_mb) as bounded:
            return _execute(nb, _kernel_manager(run_dir, bounded), workdir, limits, job.judged,
                            getattr(bounded, "groups", ()))


def _run_in_slot(nb: NotebookNode, job: Job, slot: Slot) -> _Run:
    """Like `_run_cold`, with the notebook's wall-time limit kept by a timer (in a slot there
    is no runner process of its own to kill)."""
    limits = job.limits
    run_dir = slot.job_dir()
    workdir = _stage(job, run_dir)
    km = _kernel_manager(run_dir, [sys.executable, "-m", "ipykernel_launcher",
                                   *sandbox.kernel_args()])
    km.kernel_id = str(uuid.uuid4())
    provisioner = SlotProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec,
                                  parent=km)
    provisioner.slot, provisioner.workdir = slot, workdir
    provisioner.memory_mb, provisioner.file_mb = limits.memory_mb, limits.file_mb
    km.provisioner = provisioner
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        if provisioner.pid is not None:
            with contextlib.suppress(Exception):
                slot.call("signal", pid=provisioner.pid, signum=signal.SIGKILL)

    timer = threading.Timer(limits.notebook_seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        result = _execute(nb, km, workdir, limits, job.judged, getattr(slot, "groups", ()))
    finally:
        timer.cancel()
    if expired.is_set():
        result.status = "timeout"
        result.message = f"the notebook ran past its limit of {limits.notebook_seconds} s"
    return result


def _stop_with_parent() -> None:
    """End (cleanly, see below) when the coordinator dies, and clean up on SIGTERM.

    SIGTERM becomes SystemExit so the sandbox's cgroups are emptied and removed on the way out.
    """
    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def main() -> int:
    _stop_with_parent()
    payload = json.load(sys.stdin)
    payload["limits"] = Limits(**payload["limits"])
    outcome = run(Job(**payload))
    json.dump(asdict(outcome), sys.stdout)
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONSTARTUP", None)
    sys.exit(main())
