"""What acelabs made, so that no verb removes or overwrites anything else.

A folder a verb may clear carries a marker file written when the verb made it; a file a verb
may overwrite carries a signature in its first line (a CSV header, an HTML comment). Anything
without one belongs to someone else and is refused with the reason, nothing touched. The course
itself and a learner's workspace are never cleared, marker or not.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from autograde import AcelabsError
from autograde.course import Course
from labs import progress

DEMO_MARKER = ".acelabs-demo"
HTML_SIGNATURE = "<!-- written by acelabs: it may replace this file -->"
_COURSE_STEPS = ("source", "release", "submitted", "autograded", "feedback")


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _protected(out: Path, course: Course) -> str | None:
    """Why ``out`` may never be a scratch folder: it is the course or holds it, lies in one of
    the course's nbgrader folders, or is (or lies in) a learner's workspace."""
    if _within(course.root, out):
        return f"{out} is the course itself or holds it"
    for step in (course.path(name).resolve() for name in _COURSE_STEPS):
        if _within(out, step):
            return f"{out} is inside the course's {step.name}/ folder"
    if any((folder / progress.MARKER).is_dir() for folder in (out, *out.parents)):
        return f"{out} is (or is inside) a learner's workspace"
    return None


def claim_scratch_folder(out: Path, course: Course, marker: str = DEMO_MARKER) -> Path:
    """Make ``out`` an empty folder of this verb's own, marked with ``marker``.

    A new or empty folder is taken; one this verb made before (it holds ``marker``) is cleared;
    anything else — a file, a folder of someone else's, the course, a workspace — is refused
    with an AcelabsError before anything is removed.
    """
    out = out.resolve()
    if reason := _protected(out, course):
        raise AcelabsError(f"refusing to use {out} as a scratch folder: {reason}; "
                           "nothing was removed (pick a new folder)")
    if out.exists() and not out.is_dir():
        raise AcelabsError(f"refusing to use {out}: it is not a folder; nothing was removed")
    if out.is_dir() and any(out.iterdir()):
        if not (out / marker).is_file():
            raise AcelabsError(f"refusing to clear {out}: acelabs did not make it (it has no "
                               f"{marker} marker); nothing was removed (pick a new or empty "
                               "folder)")
        if next(out.rglob(progress.MARKER), None) is not None:
            raise AcelabsError(f"refusing to clear {out}: it holds a learner's workspace; "
                               "nothing was removed")
        shutil.rmtree(out)  # removes links and special files without following or opening them
    out.mkdir(parents=True, exist_ok=True)
    (out / marker).write_text("made by acelabs; the next run may clear this folder\n")
    return out


def check_replaceable(path: Path, signatures: tuple[str, ...]) -> None:
    """Refuse (AcelabsError) to overwrite ``path`` unless it is absent or a regular file whose
    first line starts with one of ``signatures`` (a file acelabs wrote)."""
    if not path.exists() and not path.is_symlink():
        return
    if path.is_symlink() or not path.is_file():
        raise AcelabsError(f"refusing to overwrite {path}: it is not a regular file")
    with path.open("rb") as handle:
        first = handle.readline(4096).decode("utf-8", "replace").lstrip("\ufeff")
    if not first.startswith(signatures):
        raise AcelabsError(f"refusing to overwrite {path}: acelabs did not write it; "
                           "nothing was changed (remove it or pick another file)")


def signed_html(page: str) -> str:
    """``page`` with the signature that lets acelabs replace it next time."""
    return f"{HTML_SIGNATURE}\n{page}"
