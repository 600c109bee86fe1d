"""A pre-convert hook for `nbgrader autograde` and formgrader: no special file is read.

nbgrader opens each submitted notebook before any preprocessor runs, so a FIFO named like the
lab's notebook blocks the whole class's grading forever (reading a FIFO waits for a writer).
nbgrader calls ``c.Autograde.pre_convert_hook`` with the submission's notebook list before it
reads anything, and ignores the hook's exceptions — so the hook empties that list in place when
the submission holds a link or special file, and logs why. nbgrader then fails this submission
alone ("No notebooks found") and grades the rest of the class; `SandboxedExecute` keeps
refusing links it finds later.

Before that hook, on a re-grade without ``--force``, nbgrader reads the submission's
``timestamp.txt`` to decide whether it is newer: `read_only_plain_timestamps` makes that read
refuse a link or special file (logged; the earlier grade stands) instead of hanging on it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from traitlets.config import Application

from autograde import plain_files


def refuse_special_files(assignment: str, student: str, notebooks: list[str]) -> None:
    """Drop every notebook of a submission that holds anything but regular files and folders.

    ``assignment`` and ``student`` are nbgrader's command-line patterns (they may be ``*``);
    the submission's folder is the one that holds ``notebooks`` (nbgrader globs them there)."""
    if not notebooks:
        return
    folder = Path(notebooks[0]).parent
    if refused := plain_files.refusal(folder, folder.parent.parent):
        _log().error("%s/%s: %s", folder.parent.name, folder.name, refused)
        notebooks.clear()


def read_only_plain_timestamps() -> None:
    """Have nbgrader read a ``timestamp.txt`` only when it is a regular file (idempotent)."""
    original = CourseDirectory.get_existing_timestamp
    if getattr(original, "plain_only", False):
        return

    def get_existing_timestamp(self: CourseDirectory, dest_path: str):
        try:
            found = plain_files.kind(Path(dest_path) / "timestamp.txt")
        except OSError:  # none there: nbgrader's own answer
            found = None
        if found is not None:
            _log().error("%s: timestamp.txt not read: it is %s", dest_path, found)
            return None
        return original(self, dest_path)

    get_existing_timestamp.plain_only = True
    CourseDirectory.get_existing_timestamp = get_existing_timestamp


def _log() -> logging.Logger:
    """nbgrader's own log (the running app's), so the reason shows among its errors."""
    return Application.instance().log if Application.initialized() else logging.getLogger(
        "nbgrader")
