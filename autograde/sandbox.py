"""The box a student's kernel runs in.

With bubblewrap: no network (a private loopback only), a read-only view of the system and
the Python environment, one writable directory holding only this submission's files, its
own PID namespace, killed with its parent; no view of source/, the gradebook, other
submissions or anyone's home. Processes and CPU are bounded by cgroups where they can be
made, memory and file size by rlimits. The kernel talks to the (trusted) runner over Unix sockets
in the shared directory, so the runner itself stays outside the box.

Without bubblewrap the kernel runs with the same rlimits in a temporary directory, and
`alerts()` says loudly that the sandbox is off (and, likewise, when no cgroup can be made).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import autograde
import labs
from autograde import guard

CGROUP_ROOT = Path("/sys/fs/cgroup")
_SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64")
_ETC_ENTRIES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "nsswitch.conf", "passwd", "group",
                "hosts", "localtime", "ssl", "ca-certificates", "alternatives", "fonts",
                "mime.types", "matplotlibrc")


@functools.cache
def bubblewrap() -> str | None:
    """bwrap's path if it is installed and can make a box here, else None."""
    path = shutil.which("bwrap")
    if not path:
        return None
    probe = subprocess.run([path, "--unshare-all", "--ro-bind", "/", "/", "true"],
                           capture_output=True, timeout=30)
    return path if probe.returncode == 0 else None


def alerts() -> list[str]:
    """What to tell the user when student code would run less bounded than it should."""
    found = []
    if not bubblewrap():
        found.append("SANDBOX OFF: bubblewrap (bwrap) is missing or cannot run here, so student "
                     "code runs with rlimits in a temporary directory only — it can read your "
                     "files and use the network. Install it with `apt-get install bubblewrap`.")
    if not cgroups_work():
        found.append("LIMITS REDUCED: no cgroup can be made here (that needs cgroup v1 "
                     "controllers or a writable cgroup v2 root: run the grader as root, or in a "
                     "service with cgroup delegation), so the number of processes and the memory "
                     "of a box as a whole are not bounded; each process's memory (rlimits) and "
                     "the time limits still are.")
    return found


def _readonly_binds() -> list[str]:
    """The system, this Python and its environment, and the course's own packages."""
    paths = [p for p in _SYSTEM_DIRS if os.path.exists(p)]
    paths += [f"/etc/{name}" for name in _ETC_ENTRIES if os.path.exists(f"/etc/{name}")]
    paths += [sys.base_prefix, sys.prefix]
    paths += [str(Path(package.__file__).parent) for package in (labs, autograde)]
    binds: list[str] = []
    for path in dict.fromkeys(paths):
        binds += ["--ro-bind", path, path]
    return binds


def _rlimits(memory_mb: int, file_mb: int) -> list[str]:
    return ["prlimit", f"--as={memory_mb * 2**20}", f"--fsize={file_mb * 2**20}",
            "--core=0", "--"]


def thread_settings(cpus: float) -> dict[str, str]:
    """Thread counts for the numeric libraries that match the kernel's CPU share.

    OpenMP, BLAS and TensorFlow otherwise start one busy-waiting thread per machine core; under
    a CPU quota smaller than that, the spinning threads throttle each other (measured: gradient
    boosting 5x slower on a 1-CPU quota of a busy 2-core machine).
    """
    threads = str(max(1, int(cpus)))
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")
    return dict.fromkeys(names, threads)


def kernel_args() -> list[str]:
    """IPKernelApp's arguments (``{connection_file}`` is filled in by jupyter_client)."""
    return ["-f", "{connection_file}", "--HistoryManager.hist_file=:memory:",
            f"--IPKernelApp.exec_lines={guard.SNAPSHOT_CODE}"]


def kernel_argv(shared: Path, workdir: Path, memory_mb: int, file_mb: int,
                cpus: float = 1.0) -> list[str]:
    """The command that starts an IPython kernel in the box. ``shared`` is the one writable
    directory, ``workdir`` inside it."""
    kernel = [str(Path(sys.prefix) / "bin" / "python"), "-m", "ipykernel_launcher",
              *kernel_args()]
    return box_argv(shared, workdir, [*_rlimits(memory_mb, file_mb), *kernel], cpus)


def box_argv(shared: Path, workdir: Path, command: list[str], cpus: float = 1.0) -> list[str]:
    """``command`` made to run in the box (or, without bubblewrap, as it is), in ``workdir``
    with ``shared`` its one writable directory and thread pools sized to ``cpus``."""
    threads = thread_settings(cpus)
    bwrap = bubblewrap()
    if not bwrap:
        return ["env", *(f"{k}={v}" for k, v in threads.items()), *command]
    thread_env = [arg for name, value in threads.items() for arg in ("--setenv", name, value)]
    return [
        bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
        # /tmp first: the environment itself may live under /tmp, and a later tmpfs would hide it
        "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        *_readonly_binds(),
        "--bind", str(shared), str(shared), "--chdir", str(workdir),
        "--clearenv",
        "--setenv", "HOME", "/tmp", "--setenv", "PATH", f"{sys.prefix}/bin:/usr/bin:/bin",
        "--setenv", "MPLBACKEND", "Agg", "--setenv", "NBGRADER_EXECUTION", "autograde",
        "--setenv", "PYTHONHASHSEED", "0", "--setenv", "TF_CPP_MIN_LOG_LEVEL", "3",
        *thread_env, *command,
    ]


@contextmanager
def cgroup_bounds(argv: list[str], processes: int, cpus: float,
                  memory_mb: int | None = None) -> Iterator[list[str]]:
    """``argv`` made to start inside fresh cgroups: at most ``processes`` tasks, ``cpus``
    cores and ``memory_mb`` of memory between them (a fork bomb or a memory bomb stays inside
    its box and its share of the machine).

    Both cgroup layouts are served: v2 (one unified hierarchy) and v1 (one per controller).
    Where no cgroup can be made (no controller, no permission) the command is unchanged and
    the PID namespace, rlimits and killing the group at the end are the bounds.
    """
    name = f"acelabs-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    groups = []
    for group, values in _cgroup_plan(CGROUP_ROOT, name, processes, cpus, memory_mb):
        _sweep_orphans(group.parent)
        try:
            group.mkdir()
        except OSError:
            continue
        groups.append(group)
        for key, value in values.items():
            with contextlib.suppress(OSError):  # a controller this group lacks
                (group / key).write_text(value)
    if not groups:
        yield argv
        return
    join = 'for g in "$@"; do [ "$g" = -- ] && break; echo $$ > "$g/cgroup.procs"; shift; done'
    try:
        yield ["sh", "-c", f'{join}; shift; exec "$@"', "acelabs-sandbox",
               *map(str, groups), "--", *argv]
    finally:
        for group in groups:
            _remove_cgroup(group)


def cgroups_work() -> bool:
    """Whether this process may make the cgroups that bound a box (it makes and removes them:
    `cgroup_bounds` leaves the command unchanged where it cannot)."""
    with cgroup_bounds(["true"], processes=1, cpus=1.0, memory_mb=1) as argv:
        return argv != ["true"]


def _cgroup_plan(root: Path, name: str, processes: int, cpus: float,
                 memory_mb: int | None) -> list[tuple[Path, dict[str, str]]]:
    """The groups to make under ``root``, each with the limits to write into it. On v2 it first
    has ``root`` pass the controllers down to its children (idempotent)."""
    quota = str(int(cpus * 100000))
    if (root / "cgroup.controllers").exists():  # v2: one group holds every limit
        wanted = ["pids", "cpu"] + (["memory"] if memory_mb else [])
        for controller in wanted:  # children get a controller only if the parent passes it on
            with contextlib.suppress(OSError):
                (root / "cgroup.subtree_control").write_text(f"+{controller}")
        values = {"pids.max": str(processes), "cpu.max": f"{quota} 100000"}
        if memory_mb:
            values["memory.max"] = str(memory_mb * 2**20)
        return [(root / name, values)]
    plan = [(root / "pids" / name, {"pids.max": str(processes)}),
            (root / "cpu" / name, {"cpu.cfs_period_us": "100000", "cpu.cfs_quota_us": quota})]
    if memory_mb:
        plan.append((root / "memory" / name,
                     {"memory.limit_in_bytes": str(memory_mb * 2**20)}))
    return plan


_swept: set[Path] = set()


def _sweep_orphans(hierarchy: Path) -> None:
    """Once per process, remove the groups of graders that were killed before they could
    (each group is named after the process that made it)."""
    if hierarchy in _swept:
        return
    _swept.add(hierarchy)
    for group in hierarchy.glob("acelabs-*-*"):
        if orphaned(group.name.split("-")[1]):
            _remove_cgroup(group)


def orphaned(owner: str) -> bool:
    """Whether ``owner``, the pid part of a name this package gave, is a process gone."""
    if not owner.isdigit():
        return False
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _remove_cgroup(group: Path) -> None:
    """Kill whatever is left in the group, then remove it."""
    for _ in range(50):
        try:
            for pid in (group / "cgroup.procs").read_text().split():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
            group.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.1)
