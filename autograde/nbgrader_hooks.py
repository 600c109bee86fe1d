"""A pre-convert hook for `nbgrader autograde` and formgrader: no special file is read.

nbgrader opens each submitted notebook before any preprocessor runs, so a FIFO named like the
lab's notebook blocks the whole class's grading forever (reading a FIFO waits for a writer).
nbgrader calls ``c.Autograde.pre_convert_hook`` with the submission's notebook list before it
reads anything, and ignores the hook's exceptions — so the hook empties that list in place when
the submission holds a link or special file, and logs why. nbgrader then fails this submission
alone ("No notebooks found") and grades the rest of the class; `SandboxedExecute` keeps
refusing links it finds later.
"""

from __future__ import annotations

import logging
from pathlib import Path

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


def _log() -> logging.Logger:
    """nbgrader's own log (the running app's), so the reason shows among its errors."""
    return Application.instance().log if Application.initialized() else logging.getLogger(
        "nbgrader")
