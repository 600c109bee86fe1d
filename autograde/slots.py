"""Warm kernels: a boxed zygote per job slot that forks a fresh kernel for each notebook.

A `Slot` is one bubblewrap box (see `autograde.sandbox`) in its own cgroups, running
`autograde.zygote` with the libraries the course's notebooks import already imported. Each
notebook gets a kernel forked from it, in a fresh directory; after the notebook, `reset` kills
everything else in the box and wipes its scratch space, so the next student starts from the same
pristine state a new interpreter would. `SlotProvisioner` lets jupyter_client (and so nbclient)
drive such a kernel like any other.

Forking needs the box's own PID namespace, so slots exist only where bubblewrap works; elsewhere
every notebook gets a cold kernel (`autograde.execute.run`).
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

from autograde import parsing, sandbox

parsing.serialize()

PRELOADABLE = ("numpy", "pandas", "scipy", "sklearn", "matplotlib", "matplotlib.pyplot",
               "seaborn", "tensorflow", "keras", "statsmodels", "labs.data")
"""Modules a zygote may import ahead of time, when a notebook imports them (library code only:
a name a student chose never makes the trusted zygote import anything else)."""
QUIET_ENV = ("TF_CPP_MIN_LOG_LEVEL",)
"""Environment variables a notebook may set without losing its preloads: the box already sets
them (TensorFlow's C++ logging off, as nbgrader fails a test cell that writes to stderr)."""
START_SECONDS = 180  # a zygote importing TensorFlow on a loaded machine
MEMORY_SLACK = 64 * 2**20  # what a reset box may hold beyond its start (allocator growth)


class SlotDirty(RuntimeError):
    """A reset box that did not give back the memory its last notebook took: not reused."""


class SlotDead(RuntimeError):
    """The box is gone (a student killed it, or it ran out of memory)."""


def preload_for(nb: Mapping[str, Any]) -> tuple[str, ...]:
    """The preloadable modules the notebook's code imports, in a fixed order (``nb`` as a
    NotebookNode or the plain dict a `Job` carries).

    None if the notebook sets environment variables (say ``KERAS_BACKEND``) that a library
    reads when imported: in a kernel whose libraries were imported before, they would not count.
    """
    imported: set[str] = set()
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"]
        try:
            tree = ast.parse(source if isinstance(source, str) else "".join(source))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.update([node.module, *(f"{node.module}.{a.name}" for a in node.names)])
            elif _sets_environment(node):
                return ()
    wanted = {name for name in PRELOADABLE
              if any(i == name or i.startswith(name + ".") for i in imported)}
    if "matplotlib" in wanted:
        wanted.add("matplotlib.pyplot")  # Agg is set in the box; pyplot is what labs plot with
    return tuple(name for name in PRELOADABLE if name in wanted)


def _sets_environment(node: ast.AST) -> bool:
    """Whether ``node`` may change the environment, other than a `QUIET_ENV` variable."""
    if isinstance(node, ast.Attribute):
        return node.attr in ("putenv", "unsetenv") or (
            node.attr in ("setdefault", "update", "pop", "clear", "__setitem__")
            and ast.unparse(node.value).endswith("environ"))
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)) \
            and ast.unparse(node.value).endswith("environ"):
        key = node.slice
        return not (isinstance(key, ast.Constant) and key.value in QUIET_ENV)
    return False


_swept = False


def _sweep_orphans() -> None:
    """Once per process, remove the slot directories of graders that were killed before they
    could (each is named after the process that made it)."""
    global _swept
    if _swept:
        return
    _swept = True
    for path in Path(tempfile.gettempdir()).glob("acelabs-slot-*-*"):
        if sandbox.orphaned(path.name.split("-")[2]):
            sandbox.unmount(path)
            sandbox.remove_tree(path)


class Slot:
    """One warm box. Not shared: one notebook at a time (the lock covers the deadline timer)."""

    def __init__(self, preload: tuple[str, ...], cpus: float, processes: int,
                 memory_mb: int, disk_mb: int = 1024, disk_files: int = 20_000) -> None:
        _sweep_orphans()
        self.lock = threading.Lock()
        self._cleanup = contextlib.ExitStack()
        try:
            # the box's one writable directory, capped in size and files where the grader may
            self.dir = self._cleanup.enter_context(sandbox.capped_dir(
                f"acelabs-slot-{os.getpid()}-", disk_mb, disk_files))
            self._start(preload, cpus, processes, memory_mb)
        except BaseException:
            self.close()
            raise

    def _start(self, preload: tuple[str, ...], cpus: float, processes: int,
               memory_mb: int) -> None:
        host, box = socket.socketpair()
        self.channel = host
        self._cleanup.callback(host.close)
        self._cleanup.callback(box.close)
        command = [str(Path(sys.prefix) / "bin" / "python"), "-m", "autograde.zygote",
                   str(box.fileno()), *preload]
        argv = sandbox.box_argv(self.dir, self.dir, command, cpus)
        # the box's memory: the notebook's allowance plus the zygote's own libraries
        bounded = self._cleanup.enter_context(
            sandbox.cgroup_bounds(argv, processes, cpus, memory_mb + 1024))
        self.groups = getattr(bounded, "groups", ())
        self._cleanup.callback(self._stop)  # first out: the box stops before its cgroups go
        self.process = subprocess.Popen(bounded, pass_fds=[box.fileno()],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        box.close()
        host.settimeout(START_SECONDS)
        self.stream = host.makefile("rwb", buffering=0)
        ready = self._read()
        host.settimeout(60)
        self.channel_inode = ready.get("channel_inode")  # no kernel may hold this socket
        self.memory_at_start = sandbox.memory_held(self.groups)

    def _read(self) -> dict:
        try:
            line = self.stream.readline()
        except OSError as error:
            raise SlotDead(f"the grading box stopped answering ({error})") from None
        if not line:
            raise SlotDead("the grading box is gone")
        return json.loads(line)

    def call(self, op: str, **arguments: Any) -> dict:
        with self.lock:
            try:
                self.stream.write(json.dumps({"op": op, **arguments}).encode() + b"\n")
            except OSError as error:
                raise SlotDead(f"the grading box is gone ({error})") from None
            reply = self._read()
        if "error" in reply:
            raise RuntimeError(f"grading box: {reply['error']}")
        return reply

    @property
    def alive(self) -> bool:
        process = getattr(self, "process", None)
        return process is not None and process.poll() is None

    def job_dir(self) -> Path:
        """A fresh directory for one notebook's files and kernel sockets, inside the box."""
        path = self.dir / f"job-{uuid.uuid4().hex[:8]}"
        path.mkdir()
        return path

    def start_kernel(self, args: list[str], cwd: Path, memory_mb: int, file_mb: int) -> int:
        return self.call("start", argv=args, cwd=str(cwd), memory_mb=memory_mb,
                         file_mb=file_mb)["pid"]

    def reset(self) -> None:
        """Nothing of the last notebook is left: processes killed, System V IPC removed,
        scratch and job dirs wiped (never opening what is removed). Raises `SlotDirty` if the
        box still holds memory the notebook took, since the next notebook would be charged
        for it."""
        self.call("reset")
        for path in self.dir.iterdir():
            sandbox.remove_tree(path)
        held, before = sandbox.memory_held(self.groups), self.memory_at_start
        if held is not None and before is not None and held > before + MEMORY_SLACK:
            raise SlotDirty(f"the box still holds {(held - before) >> 20} MB after its reset")

    def _stop(self) -> None:
        process = getattr(self, "process", None)
        if process is not None and process.poll() is None:
            process.kill()  # bubblewrap takes the box, and everything in it, down with it
        if process is not None:
            process.wait()

    def close(self) -> None:
        self._cleanup.close()


class SlotProvisioner(LocalProvisioner):
    """jupyter_client's view of a kernel forked in a `Slot` (the slot signals and polls it:
    its PID lives in the box's namespace)."""

    slot: Slot | None = None
    workdir: Path | None = None
    memory_mb = 4096
    file_mb = 256

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        assert self.slot is not None and self.workdir is not None
        args = cmd[cmd.index("-f"):]  # IPKernelApp's own arguments, after `python -m ...`
        self.pid = self.slot.start_kernel(args, self.workdir, self.memory_mb, self.file_mb)
        self.cwd = self.workdir
        return self.connection_info

    async def poll(self) -> int | None:
        if self.pid is None or self.slot is None:
            return 0
        try:
            return self.slot.call("poll", pid=self.pid)["exit"]
        except (SlotDead, RuntimeError):
            return -signal.SIGKILL

    async def wait(self) -> int | None:
        import asyncio

        while (code := await self.poll()) is None:
            await asyncio.sleep(0.05)
        self.pid = None
        return code

    async def send_signal(self, signum: int) -> None:
        if self.pid is not None and self.slot is not None:
            with contextlib.suppress(SlotDead, RuntimeError):
                self.slot.call("signal", pid=self.pid, signum=int(signum))

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)
