"""The learner's own record: every check, hint, solution and grade, in the workspace.

A workspace is a folder made by ``acelabs start``; it holds ``.acelabs/progress.sqlite``. Code
running in a notebook finds it by walking up from the working directory, so a notebook inside
``work/<lab>/`` records into ``work/``. Where there is no workspace (a grader's sandbox, a
notebook run elsewhere) nothing is recorded and nothing fails; nor while nbgrader executes a
notebook (``NBGRADER_EXECUTION``), whoever asks. Whether a person is at the keyboard is
``labs.presence``'s question, asked by the notebook helpers before they record.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

MARKER = ".acelabs"
DB_NAME = "progress.sqlite"
EVENTS = ("check", "hint", "solution", "grade")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    at REAL NOT NULL,
    lab TEXT NOT NULL,
    question TEXT NOT NULL,
    event TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    score REAL,
    max_score REAL
)
"""


@dataclass(frozen=True)
class LabProgress:
    """What a workspace's record says about one lab."""

    lab: str
    checks: int = 0
    hints: int = 0
    solutions: int = 0
    best_score: float | None = None
    max_score: float | None = None
    best_outcome: str = ""
    """What the best grade's event says besides the score (a mock interview's time)."""

    @property
    def status(self) -> str:
        if self.best_score is not None:
            return f"graded {self.best_score:g}/{self.max_score:g}"
        if self.checks or self.hints or self.solutions:
            return "in progress"
        return ""


def init(workspace: Path) -> Path:
    """Make ``workspace`` a workspace (idempotent); the database's path."""
    folder = workspace / MARKER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    with _connect(path):
        pass
    return path


def find(start: Path | None = None) -> Path | None:
    """The progress database of the workspace holding ``start`` (default: the working dir)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_dir():
            return folder / MARKER / DB_NAME
    return None


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(path, timeout=10)) as connection, connection:
        connection.execute(_SCHEMA)
        yield connection


def record(lab: str, question: str, event: str, outcome: str = "", score: float | None = None,
           max_score: float | None = None, workspace_db: Path | None = None) -> bool:
    """Add one event to the workspace's record; False where there is no workspace to record in.

    Recording is a convenience, never a reason for the learner's code to fail.
    """
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}; events: {', '.join(EVENTS)}")
    if os.environ.get("NBGRADER_EXECUTION"):  # Validate or autograde runs the notebook
        return False
    path = workspace_db or find()
    if path is None:
        return False
    try:
        with _connect(path) as db:
            db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (time.time(), lab, question, event, outcome, score, max_score))
    except sqlite3.Error:
        return False
    return True


def summary(workspace_db: Path) -> dict[str, LabProgress]:
    """Per lab: how many checks, hints and solutions, and the best grade."""
    if not workspace_db.exists():
        return {}
    with _connect(workspace_db) as db:
        counts = db.execute(
            "SELECT lab, SUM(event = 'check'), SUM(event = 'hint'), SUM(event = 'solution') "
            "FROM events GROUP BY lab").fetchall()
        grades = db.execute(
            "SELECT lab, MAX(score), max_score, outcome FROM events WHERE event = 'grade' "
            "GROUP BY lab").fetchall()  # SQLite takes the other columns from the MAX row
    result = {lab: LabProgress(lab, checks, hints, solutions)
              for lab, checks, hints, solutions in counts}
    for lab, best, out_of, outcome in grades:
        result[lab] = LabProgress(lab, result[lab].checks, result[lab].hints,
                                  result[lab].solutions, best, out_of, outcome)
    return result


def history(workspace_db: Path, lab: str | None = None) -> list[tuple]:
    """Every event (time, lab, question, event, outcome, score, max score), oldest first."""
    if not workspace_db.exists():
        return []
    with _connect(workspace_db) as db:
        query = "SELECT * FROM events" + (" WHERE lab = ?" if lab else "") + " ORDER BY at"
        return db.execute(query, (lab,) if lab else ()).fetchall()
