"""Inside a grading box: a Python that imports the heavy libraries once and forks a fresh
kernel for each notebook.

Starting a kernel and importing pandas, scikit-learn or TensorFlow costs seconds per notebook;
a fork of this process costs milliseconds and starts from the same pristine state, because no
notebook code ever runs here. The trusted side (`autograde.slots`) speaks to it over a socket
it inherited — not a file, so a student's kernel cannot reach it — one JSON line per request:

- ``{"op": "start", "argv": [...], "cwd": DIR, "memory_mb": M, "file_mb": F}`` forks a kernel
  (``argv`` is IPKernelApp's, e.g. ``["-f", CONNECTION_FILE]``) and answers its ``pid``;
- ``{"op": "poll", "pid": P}`` answers its ``exit`` code, or null while it runs;
- ``{"op": "signal", "pid": P, "signum": S}`` signals the kernel's process group;
- ``{"op": "reset"}`` kills every other process in the box, removes every System V IPC object
  (shared memory, semaphore sets, message queues: the box has an IPC namespace of its own, which
  outlives each kernel, and a segment nobody has attached stays charged to the box's memory) and
  empties /tmp and /dev/shm, so nothing of one student is left for the next.

It only runs in a box with its own PID namespace, where ``kill(-1)`` reaches the box alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import json
import os
import random
import resource
import signal
import socket
import sys
from pathlib import Path

from autograde import sandbox

PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 1, 4, 36
SCRATCH = ("/tmp", "/dev/shm")
IPC_RMID = 0
SYSV_IPC = ("shm", "sem", "msg")  # /proc/sysvipc/<kind>: the id is each row's second field


def _prctl(option: int, value: int) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def preload(modules: list[str]) -> None:
    """Import what the kernels will use; a module that fails to import is left to the kernel."""
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


class Zygote:
    def __init__(self, channel: socket.socket) -> None:
        self.channel = channel
        self.exits: dict[int, int] = {}
        self.kernels: set[int] = set()

    def serve(self, ready: dict) -> None:
        stream = self.channel.makefile("rwb", buffering=0)
        stream.write(json.dumps(ready).encode() + b"\n")
        for line in stream:
            request = json.loads(line)
            try:
                reply = getattr(self, f"op_{request.pop('op')}")(**request)
            except Exception as error:  # answer, never die: the host decides what to do
                reply = {"error": f"{type(error).__name__}: {error}"}
            stream.write(json.dumps(reply).encode() + b"\n")

    def _reap(self) -> None:
        """Collect every exited child: kernels and the orphans this subreaper inherits."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in self.kernels:
                self.exits[pid] = os.waitstatus_to_exitcode(status)

    def op_start(self, argv: list[str], cwd: str, memory_mb: int, file_mb: int) -> dict:
        pid = os.fork()
        if pid == 0:
            self._become_kernel(argv, cwd, memory_mb, file_mb)
        self.kernels.add(pid)
        return {"pid": pid}

    def op_poll(self, pid: int) -> dict:
        self._reap()
        return {"exit": self.exits.get(pid) if pid in self.kernels else 0}

    def op_signal(self, pid: int, signum: int) -> dict:
        self._reap()
        if pid in self.kernels and pid not in self.exits:
            try:
                os.killpg(pid, signum)
            except ProcessLookupError:
                os.kill(pid, signum)
        return {}

    def op_reset(self) -> dict:
        """Kill everything else in the box (its PID namespace), then wipe the scratch dirs."""
        for _ in range(100):
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()
            if not self._others():
                break
        ipc_left = remove_sysv_ipc()
        for directory in SCRATCH:
            for entry in Path(directory).iterdir() if os.path.isdir(directory) else ():
                sandbox.remove_tree(entry)
        self.kernels.clear()
        self.exits.clear()
        return {"left": len(self._others()), "ipc_left": ipc_left}

    @staticmethod
    def _others() -> list[int]:
        mine = os.getpid()
        return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, mine)]

    def _become_kernel(self, argv: list[str], cwd: str, memory_mb: int, file_mb: int) -> None:
        """In the forked child: cut every tie to the zygote, bound it, and run a kernel."""
        try:
            os.close(self.channel.fileno())  # the socket object's file still holds it open
            os.setsid()
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            _prctl(PR_SET_DUMPABLE, 1)
            address_space = _inherited_bytes() + memory_mb * 2**20
            for name, limit in ((resource.RLIMIT_AS, address_space),
                                (resource.RLIMIT_FSIZE, file_mb * 2**20),
                                (resource.RLIMIT_CORE, 0)):
                resource.setrlimit(name, (limit, limit))
            os.chdir(cwd)
            _reseed()
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            from ipykernel.kernelapp import IPKernelApp

            IPKernelApp.launch_instance(argv=argv)
        finally:
            os._exit(0)


def sysv_ipc_ids() -> dict[str, list[int]]:
    """The System V IPC objects of this IPC namespace, by kind."""
    found = {}
    for kind in SYSV_IPC:
        try:
            rows = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()[1:]
        except OSError:
            rows = []
        found[kind] = [int(row.split()[1]) for row in rows if len(row.split()) > 1]
    return found


def remove_sysv_ipc() -> int:
    """Remove every System V IPC object in the box (all were made by its one uid, so the
    zygote may); how many are left."""
    libc = ctypes.CDLL(None, use_errno=True)
    remove = {"shm": lambda i: libc.shmctl(i, IPC_RMID, None),
              "sem": lambda i: libc.semctl(i, 0, IPC_RMID),
              "msg": lambda i: libc.msgctl(i, IPC_RMID, None)}
    for kind, ids in sysv_ipc_ids().items():
        for ipc_id in ids:
            remove[kind](ipc_id)
    # a segment still attached lingers until detached, but every process is gone by now
    return sum(len(ids) for ids in sysv_ipc_ids().values())


def _inherited_bytes() -> int:
    """Address space the kernel starts with: the zygote's libraries, and the stacks and malloc
    arenas of its threads, which a fork keeps mapped. The memory limit counts from here."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _reseed() -> None:
    """Fresh random state, as a newly started interpreter would have."""
    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(int.from_bytes(os.urandom(4), "little"))


def main() -> int:
    channel = socket.socket(fileno=int(sys.argv[1]))
    modules = [name for name in sys.argv[2:] if name]
    from autograde import guard

    preload(["ipykernel.kernelapp", *modules])
    guard.snapshot()
    _prctl(PR_SET_DUMPABLE, 0)  # no kernel can ptrace this process or open its /proc files
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    Zygote(channel).serve({"ready": True, "channel_inode": os.fstat(channel.fileno()).st_ino})
    return 0


if __name__ == "__main__":
    sys.exit(main())
