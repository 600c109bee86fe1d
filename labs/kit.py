"""Helpers for hidden tests that work wherever the test runs.

When a notebook is graded, its test cells run in the trusted judge (``autograde.judge``), where
these calls reach into the learner's kernel. When an author runs a source notebook top to
bottom in JupyterLab (or plain ``nbgrader autograde`` runs it), the test cells run in the
kernel itself, and the same calls simply happen there. So a hidden block writes
``from labs.kit import run_in_kernel`` and reads the same in both places.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

_here = threading.local()


def _judge() -> Any:
    return getattr(_here, "judge", None)


@contextlib.contextmanager
def judging(judge: Any) -> Iterator[None]:
    """Route this thread's calls to ``judge`` meanwhile (the judge does this per cell)."""
    previous, _here.judge = _judge(), judge
    try:
        yield
    finally:
        _here.judge = previous


def run_in_kernel(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call ``function`` where the learner's objects live (see ``Judge.run_in_kernel``)."""
    judge = _judge()
    return judge.run_in_kernel(function, *args, **kwargs) if judge else function(*args, **kwargs)


def cpu_clocks() -> tuple[Callable[[], float], Callable[[], float]] | None:
    """Two CPU clocks for a budget that compares the learner's code with a reference: the
    first counts the learner's kernel, the second the code calling it. Unlike wall time, work
    elsewhere on the machine does not move them. Under the judge, the first is the box's cgroup
    account (None where the box has none: time with a wall clock then); in the kernel itself,
    both are this process's clock."""
    judge = _judge()
    if judge:
        return judge.cpu_clocks()
    return time.process_time, time.process_time


def in_kernel(dotted: str) -> Any:
    """The course helper ``dotted`` (``labs.…``) as the learner's kernel has it."""
    judge = _judge()
    if judge:
        return judge.in_kernel(dotted)
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def sealed() -> contextlib.AbstractContextManager:
    """The data loaders sealed while the learner's code runs (``labs.data.sealed``)."""
    judge = _judge()
    if judge:
        return judge.sealed()
    from labs import data

    return data.sealed()
