"""Grade a class: nbgrader's own Autograde for every submission, several at once.

nbgrader's Autograde converter does the trusted work — copy the submission, restore locked
and hidden test cells from the gradebook (OverwriteCells), record the student and the
submission, score the cells (SaveAutoGrades), apply late penalties — one submission after
another. Here each submission gets its own converter in a coordinator thread, and the one
untrusted step, executing the student's notebook, is handed to an `Executor` while the
thread lets go of the gradebook lock. So notebooks run side by side while every gradebook
read and write still happens in this process, one at a time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.converters import Autograde
from nbgrader.converters.base import BaseConverter
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from nbgrader.utils import capture_log
from traitlets.config import Config
from traitlets.utils.importstring import import_item

from autograde import judge, outputs
from autograde.execute import Job, Limits, Outcome
from autograde.executors import Executor


@dataclass
class Submission:
    student: str
    lab: str


@dataclass
class Graded:
    """What grading one submission produced: nbgrader's log and each notebook's run."""

    submission: Submission
    success: bool
    log: str = ""
    error: str = ""
    outcomes: list[Outcome] = field(default_factory=list)


class DelegatedExecute(NbGraderPreprocessor):
    """nbgrader's Execute step, run by an executor while the gradebook lock is free, once one
    of the ``running`` places is."""

    def __init__(self, executor: Executor, lock: threading.Lock, running: threading.Semaphore,
                 limits: Limits, label: str, judged: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.executor, self.lock, self.running = executor, lock, running
        self.limits, self.label, self.judged = limits, label, judged
        self.outcomes: list[Outcome] = []

    def preprocess(self, nb, resources):
        directory = Path(resources["metadata"]["path"])
        job = Job.from_directory(nb, directory, self.limits, label=self.label)
        job.judged = self.judged
        self.lock.release()
        try:
            with self.running:
                outcome = self.executor.run(job)
        finally:
            self.lock.acquire()
        self.outcomes.append(outcome)
        if outcome.status == "broken":  # leave it ungraded, to grade again, rather than score 0
            raise RuntimeError(outcome.message)
        executed = nbformat.from_dict(outcome.notebook)
        outputs.strip_scripts(executed)
        return executed, resources


class ThreadSafeAutograde(Autograde):
    """nbgrader's Autograde minus its per-notebook ``setenv(NBGRADER_EXECUTION=...)``.

    That helper deletes the variable after each notebook, so two threads finishing in turn
    raise KeyError; `grade_all` sets it once for the whole class instead. The two passes are
    nbgrader's own: sanitize, then autograde the sanitized copy.
    """

    def convert_single_notebook(self, notebook_filename: str) -> None:
        self._sanitizing = True
        self._init_preprocessors()
        BaseConverter.convert_single_notebook(self, notebook_filename)
        sanitized = os.path.join(self.writer.build_directory, os.path.basename(notebook_filename))
        self._sanitizing = False
        self._init_preprocessors()
        try:
            BaseConverter.convert_single_notebook(self, sanitized)
        finally:
            self._sanitizing = True


def _is_execute(step: object) -> bool:
    """Whether ``step`` (a class, or its dotted name, as nbgrader's config lists steps) is
    nbgrader's Execute or one put in its place, such as this course's
    `autograde.nbgrader_execute.SandboxedExecute`: a subclass of Execute."""
    if isinstance(step, str):
        try:
            step = import_item(step)
        except (ImportError, AttributeError, ValueError):
            return False
    return isinstance(step, type) and issubclass(step, Execute)


@contextlib.contextmanager
def _quiet_logger(name: str) -> Iterator[logging.Logger]:
    """A logger of this submission's own, so parallel captures don't mix."""
    logger = logging.getLogger(f"acelabs.grade.{name}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield logger
    finally:
        logger.handlers.clear()


def grade_one(config: Config, submission: Submission, executor: Executor,
              lock: threading.Lock, running: threading.Semaphore, limits: Limits) -> Graded:
    """nbgrader Autograde of one submission; call with ``lock`` held. Its notebook runs when
    one of the ``running`` places is free."""
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id, coursedir.student_id = submission.lab, submission.student
    label = f"{submission.student}/{submission.lab}"
    execute = DelegatedExecute(executor, lock, running, limits, label,
                               judged=judge.judges(config, submission.lab))
    app = ThreadSafeAutograde(coursedir=coursedir, config=config)
    app.force, app.create_student = True, True
    # nbgrader's own (or the course's configured) autograde steps, with Execute delegated
    app.autograde_preprocessors = [execute if _is_execute(step) else step
                                   for step in app.autograde_preprocessors]
    with _quiet_logger(label) as logger:
        app.log = logger
        result = capture_log(app)
    return Graded(submission, result["success"], result.get("log", ""),
                  result.get("error", ""), execute.outcomes)


def grade_all(config: Config, submissions: list[Submission], executor: Executor, jobs: int,
              limits: Limits, after_each: Callable[[Graded], object] | None = None
              ) -> list[Graded]:
    """Grade every submission with up to ``jobs`` notebooks running at once, in input order.

    ``after_each`` runs for each graded submission, with the gradebook lock held (e.g. to
    write its feedback). There are twice as many coordinator threads as notebooks running, so
    that while some threads save grades and write feedback, others already have the next
    notebooks prepared, waiting for a place: executors seldom wait for the coordinator.
    """
    lock = threading.Lock()
    running = threading.BoundedSemaphore(max(1, jobs))

    def work(submission: Submission) -> Graded:
        with lock:
            graded = grade_one(config, submission, executor, lock, running, limits)
            if after_each:
                after_each(graded)
            return graded

    previous = os.environ.get("NBGRADER_EXECUTION")
    os.environ["NBGRADER_EXECUTION"] = "autograde"  # once for all threads; see ThreadSafeAutograde
    try:
        with ThreadPoolExecutor(2 * max(1, jobs)) as pool:
            return list(pool.map(work, submissions))
    finally:
        if previous is None:
            os.environ.pop("NBGRADER_EXECUTION", None)
        else:
            os.environ["NBGRADER_EXECUTION"] = previous
