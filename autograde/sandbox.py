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
import ctypes
import functools
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
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
    if bubblewrap() and not can_cap_disk():
        found.append("DISK UNBOUNDED: no filesystem can be mounted for each box here (that "
                     "needs root), so a box's working directory is on the host's disk, bounded "
                     "only by the per-file limit (c.Limits.file_mb); its /tmp and /dev/shm are "
                     "still capped at c.Limits.disk_mb.")
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


LIBRARY_RESERVE = 2 * 2**30
"""Address space a cold kernel may map beyond ``memory_mb`` for the libraries it imports: they
reserve far more than they use (TensorFlow maps about 1.8 GB at import, with ~0.5 GB resident).
A warm kernel is allowed what its zygote had mapped, libraries included (`zygote`)."""


def _rlimits(memory_mb: int, file_mb: int) -> list[str]:
    return ["prlimit", f"--as={memory_mb * 2**20 + LIBRARY_RESERVE}",
            f"--fsize={file_mb * 2**20}", "--core=0", "--"]


def thread_settings(cpus: float) -> dict[str, str]:
    """Thread counts for the numeric libraries that match the kernel's CPU share.

    OpenMP, BLAS and TensorFlow otherwise start one busy-waiting thread per machine core; under
    a CPU quota smaller than that, the spinning threads throttle each other (measured: gradient
    boosting 5x slower on a 1-CPU quota of a busy 2-core machine). glibc would also map a 64 MB
    malloc arena per thread, up to 8 per core: under the address-space limit TensorFlow's
    thread pools then fail to start (a kernel killed by "pthread_create() failed").
    """
    threads = str(max(1, int(cpus)))
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")
    return {**dict.fromkeys(names, threads), "MALLOC_ARENA_MAX": "2"}


def kernel_args() -> list[str]:
    """IPKernelApp's arguments (``{connection_file}`` is filled in by jupyter_client)."""
    return ["-f", "{connection_file}", "--HistoryManager.hist_file=:memory:",
            f"--IPKernelApp.exec_lines={guard.SNAPSHOT_CODE}"]


def kernel_argv(shared: Path, workdir: Path, memory_mb: int, file_mb: int,
                cpus: float = 1.0, disk_mb: int = 1024) -> list[str]:
    """The command that starts an IPython kernel in the box. ``shared`` is the one writable
    directory, ``workdir`` inside it."""
    kernel = [str(Path(sys.prefix) / "bin" / "python"), "-m", "ipykernel_launcher",
              *kernel_args()]
    return box_argv(shared, workdir, [*_rlimits(memory_mb, file_mb), *kernel], cpus, disk_mb)


def box_argv(shared: Path, workdir: Path, command: list[str], cpus: float = 1.0,
             disk_mb: int = 1024) -> list[str]:
    """``command`` made to run in the box (or, without bubblewrap, as it is), in ``workdir``
    with ``shared`` its one writable directory (see `capped_dir`) and thread pools sized to
    ``cpus``; the box's /tmp and /dev/shm are tmpfs of ``disk_mb`` each."""
    threads = thread_settings(cpus)
    bwrap = bubblewrap()
    if not bwrap:
        return ["env", *(f"{k}={v}" for k, v in threads.items()), *command]
    thread_env = [arg for name, value in threads.items() for arg in ("--setenv", name, value)]
    return [
        bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
        # /tmp first: the environment itself may live under /tmp, and a later tmpfs would hide it
        "--proc", "/proc", "--dev", "/dev", *_capped_tmpfs("/tmp", disk_mb),
        *_capped_tmpfs("/dev/shm", disk_mb),
        *_readonly_binds(),
        "--bind", str(shared), str(shared), "--chdir", str(workdir),
        "--clearenv",
        "--setenv", "HOME", "/tmp", "--setenv", "PATH", f"{sys.prefix}/bin:/usr/bin:/bin",
        "--setenv", "MPLBACKEND", "Agg", "--setenv", "NBGRADER_EXECUTION", "autograde",
        "--setenv", "PYTHONHASHSEED", "0", "--setenv", "TF_CPP_MIN_LOG_LEVEL", "3",
        *thread_env, *command,
    ]


def _capped_tmpfs(path: str, size_mb: int) -> list[str]:
    return ["--size", str(size_mb * 2**20), "--tmpfs", path]


class BoundedCommand(list):
    """A command (a plain list of arguments) that also knows the cgroups it starts in."""

    groups: tuple[Path, ...] = ()


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
        yield BoundedCommand(argv)
        return
    join = 'for g in "$@"; do [ "$g" = -- ] && break; echo $$ > "$g/cgroup.procs"; shift; done'
    bounded = BoundedCommand(["sh", "-c", f'{join}; shift; exec "$@"', "acelabs-sandbox",
                              *map(str, groups), "--", *argv])
    bounded.groups = tuple(groups)
    try:
        yield bounded
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
            (root / "cpu" / name, {"cpu.cfs_period_us": "100000", "cpu.cfs_quota_us": quota}),
            (root / "cpuacct" / name, {})]  # the CPU account (the same group where co-mounted)
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


def memory_held(groups: tuple[Path, ...]) -> int | None:
    """Bytes of anonymous and shared memory (SysV and POSIX shm, tmpfs files) charged to the
    memory cgroup among ``groups``, page cache left out; None without a memory cgroup."""
    for group in groups:
        for name, keys in (("memory.stat", ("anon", "shmem")),          # v2
                           ("memory.stat", ("rss", "shmem"))):          # v1
            try:
                lines = (group / name).read_text().split("\n")
            except OSError:
                break
            values = dict(line.split() for line in lines if len(line.split()) == 2)
            if all(key in values for key in keys):
                return sum(int(values[key]) for key in keys)
    return None


def cpu_seconds(groups: tuple[Path, ...]) -> float | None:
    """CPU seconds (user and system) every process of the box has used so far, from its
    cgroup's account: unlike a wall clock, what other jobs on the machine do leaves it alone.
    None without a CPU account."""
    for group in groups:
        try:
            for line in (group / "cpu.stat").read_text().split("\n"):  # v2
                key, _, value = line.partition(" ")
                if key == "usage_usec":
                    return int(value) / 1e6
        except (OSError, ValueError):
            pass
        with contextlib.suppress(OSError, ValueError):
            return int((group / "cpuacct.usage").read_text()) / 1e9  # v1, nanoseconds
    return None


# --- the box's writable directory, and removing what a box left --------------------------

REMOVE_SECONDS = 60
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
MS_NOSUID, MS_NODEV = 2, 4
MNT_DETACH, UMOUNT_NOFOLLOW = 2, 8


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def mount_capped(path: Path, size_mb: int, inodes: int) -> bool:
    """Mount a tmpfs of ``size_mb`` and ``inodes`` files on ``path`` (needs CAP_SYS_ADMIN, as
    root); whether it is mounted."""
    options = f"size={size_mb}m,nr_inodes={inodes},mode=0700".encode()
    return _libc().mount(b"acelabs-box", str(path).encode(), b"tmpfs",
                         MS_NOSUID | MS_NODEV, options) == 0


def unmount(path: Path) -> None:
    """Detach whatever is mounted on ``path`` (a capped directory): its files go with it,
    none of them opened or walked."""
    for _ in range(8):  # a mount stacked on another (one per failed sweep) comes off one by one
        if _libc().umount2(str(path).encode(), MNT_DETACH | UMOUNT_NOFOLLOW) != 0:
            return


@functools.cache
def can_cap_disk() -> bool:
    """Whether the grader may mount a size- and inode-capped filesystem for each box."""
    probe = Path(tempfile.mkdtemp(prefix="acelabs-probe-"))
    try:
        mounted = mount_capped(probe, 1, 16)
        if mounted:
            unmount(probe)
        return mounted
    finally:
        remove_tree(probe)


@contextmanager
def capped_dir(prefix: str, size_mb: int, inodes: int) -> Iterator[Path]:
    """A fresh host directory to bind into a box as its one writable directory: a tmpfs of
    ``size_mb`` and ``inodes`` files where the grader may mount one (so many files under the
    per-file limit cannot fill the host's disk), else a plain temporary directory (and
    `alerts` says so). Removed at the end with `remove_tree`, after the tmpfs is detached."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    mounted = can_cap_disk() and mount_capped(path, size_mb, inodes)
    try:
        yield path
    finally:
        if mounted:
            unmount(path)
        remove_tree(path)


def remove_tree(path: Path, timeout: float = REMOVE_SECONDS) -> bool:
    """Remove ``path`` and everything below it as a box may have left it — FIFOs, sockets,
    devices, links, read-only folders — without opening anything but a directory (opened
    with O_NOFOLLOW, O_DIRECTORY and O_NONBLOCK, so a FIFO or a link swapped in for it is
    refused, never waited on or followed): entries are `unlink`ed and folders `rmdir`ed.
    Gives up after ``timeout`` seconds; whether ``path`` is gone."""
    deadline = time.monotonic() + timeout
    path = Path(path)
    try:
        parent = os.open(path.parent, _DIR_FLAGS & ~os.O_NOFOLLOW)
    except FileNotFoundError:
        return True
    try:
        _remove_at(parent, path.name, deadline)
    except (OSError, TimeoutError, RecursionError):
        pass
    finally:
        os.close(parent)
    return not os.path.lexists(path)


def _remove_at(dir_fd: int, name: str, deadline: float) -> None:
    if time.monotonic() > deadline:
        raise TimeoutError(f"removing a box's files took over {REMOVE_SECONDS} s")
    try:
        info = os.lstat(name, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(info.st_mode):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=dir_fd)
        return
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except (NotADirectoryError, OSError) as error:  # swapped for a link or a FIFO meanwhile
        if isinstance(error, FileNotFoundError):
            return
        os.unlink(name, dir_fd=dir_fd)
        return
    try:
        with contextlib.suppress(OSError):  # a folder the box made read-only
            os.fchmod(fd, 0o700)
        with os.scandir(fd) as entries:
            names = [entry.name for entry in entries]
        for child in names:
            _remove_at(fd, child, deadline)
    finally:
        os.close(fd)
    os.rmdir(name, dir_fd=dir_fd)
