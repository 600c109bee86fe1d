"""Where the learner stands: the course and the workspace, found by walking up.

A learner runs `acelabs` from the course root, from the workspace (where JupyterLab's terminal
opens) or from any folder below them, so neither is taken to be the current directory. Walking
up from where they stand, the first folder that is a workspace (it holds ``.acelabs/``) or a
course (it holds ``nbgrader_config.py``) decides; elsewhere the course is the one this package
came from. Nothing here imports more than the standard library.
"""

from __future__ import annotations

from pathlib import Path

from labs.progress import MARKER

CONFIG_FILE = "nbgrader_config.py"
WORKSPACE_NAME = "work"
PACKAGE_COURSE = Path(__file__).resolve().parents[1]
"""The course checkout this package was installed from (an editable install's repository)."""


def _ancestors(start: Path | None) -> tuple[Path, ...]:
    here = (start or Path.cwd()).resolve()
    return (here, *here.parents)


def course_root(start: Path | None = None) -> Path:
    """The course holding ``start`` (default: the working directory), else the package's own."""
    for folder in _ancestors(start):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return PACKAGE_COURSE


def workspace(start: Path | None = None) -> Path:
    """The workspace holding ``start``; else ``work/`` of the course holding it (or of the
    package's course). The folder need not exist yet: `acelabs start` makes it."""
    for folder in _ancestors(start):
        if (folder / MARKER).is_dir():
            return folder
        if (folder / CONFIG_FILE).is_file():
            return folder / WORKSPACE_NAME
    return PACKAGE_COURSE / WORKSPACE_NAME
