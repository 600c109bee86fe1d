"""Which submissions are already graded, so a stopped run picks up where it left off.

A submission counts as graded once its scores and feedback are written; a small record, kept
beside nbgrader's autograded/ folders, holds a digest of the submitted files. A run without
``--force`` skips a submission whose record matches its files as they are now, so a killed
run grades only what it had not finished, and a resubmission is graded again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from autograde import json_records


def digest(folder: Path) -> str:
    """A fingerprint of every file a student handed in for one lab."""
    hasher = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hasher.update(str(path.relative_to(folder)).encode() + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


class Records:
    def __init__(self, autograded: Path) -> None:
        self.root = autograded / ".acelabs-graded"

    def _path(self, student: str, lab: str) -> Path:
        return self.root / student / f"{lab}.json"

    def is_current(self, student: str, lab: str, fingerprint: str) -> bool:
        try:
            record = json.loads(self._path(student, lab).read_text())
        except (OSError, ValueError):
            return False
        return record.get("digest") == fingerprint

    def mark(self, student: str, lab: str, fingerprint: str) -> None:
        """Record the submission as graded (atomically: a kill leaves the old record or none)."""
        json_records.write(self._path(student, lab), {"digest": fingerprint})

    def forget(self, student: str, lab: str) -> None:
        self._path(student, lab).unlink(missing_ok=True)
