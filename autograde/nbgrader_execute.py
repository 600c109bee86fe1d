"""nbgrader's Execute step, run in this project's sandbox: for `nbgrader autograde` and formgrader.

nbgrader's own Execute runs the student's notebook in a kernel of the grader's — as root on
many course hosts, with the gradebook and source/ (the hidden tests) in view. nbgrader_config.py
lists `SandboxedExecute` in its place in ``c.Autograde.autograde_preprocessors``, so every
nbgrader way of grading this course — the ``nbgrader autograde`` command and formgrader's
Autograde button — hands the notebook to the executors `acelabs grade` uses: the files beside
it as a `Job`, run in a fresh bubblewrap box with the course's limits (``c.Execute.timeout``,
``c.Limits.*``). `acelabs grade` puts its parallel `grading.DelegatedExecute` in this step's
place in turn (it is an ``Execute`` to `grading._is_execute`).

Each notebook gets a cold box of its own (`LocalProcess`), as nbgrader gives each a fresh kernel:
nothing stays running in a formgrader server between clicks.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute

from autograde import judge, outputs, pipeline, plain_files, sandbox
from autograde.execute import Job
from autograde.executors import LocalProcess


class SandboxedExecute(Execute):
    """Execute the notebook in the sandbox, with the course's limits; refuse a submission that
    holds links or special files (nbgrader has already copied it, following links, so it is
    refused before any of it reaches the box or the feedback)."""

    def preprocess(self, nb, resources):
        for alert in sandbox.alerts():
            self.log.warning(alert)
        student = resources["nbgrader"]["student"]
        assignment = resources["nbgrader"]["assignment"]
        self._refuse_irregular(student, assignment)
        job = Job.from_directory(nb, Path(resources["metadata"]["path"]),
                                 pipeline.config_limits(self.config),
                                 label=f"{student}/{assignment}")
        job.judged = judge.judges(self.config, assignment)
        outcome = LocalProcess().run(job)
        if outcome.status == "broken":  # the grader's fault: fail, to grade again, not score 0
            raise RuntimeError(outcome.message)
        if not outcome.complete:
            self.log.warning("%s/%s: %s", student, assignment, outcome.message)
        executed = nbformat.from_dict(outcome.notebook)
        outputs.strip_scripts(executed)
        return executed, resources

    def _refuse_irregular(self, student: str, assignment: str) -> None:
        coursedir = CourseDirectory(config=self.config)
        submitted = Path(coursedir.format_path(coursedir.submitted_directory, ".", "."))
        folder = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
        if (folder.exists() or folder.is_symlink()) and \
                (refused := plain_files.refusal(folder, submitted)):
            raise ValueError(refused)
