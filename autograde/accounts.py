"""One account of every submission, shared by the grade table, the exports and the report.

nbgrader's gradebook holds only what it scored: a submission `acelabs grade` could not grade
(unreadable, misnamed, another lab's notebook, cells whose metadata was edited, a grader
failure) leaves no row there, or a 0 nobody earned. So each run records here what became of
every submission — graded, or not graded and why — beside the autograded notebooks, and takes
out of the gradebook any score its own failed run left. Every view reads both, so a grade
table, grades.csv, the Canvas CSV, the cohort report and formgrader never disagree.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin
from traitlets import Unicode

from autograde import json_records

NOT_GRADED, NOT_HANDED_IN = "not graded", "not handed in"


@dataclass(frozen=True)
class Account:
    student: str
    lab: str
    graded: bool
    reason: str = ""  # why it was not graded, or what a graded submission's note says


class Accounts:
    """The accounts of one course, one small JSON file per submission (under autograded/)."""

    def __init__(self, autograded: Path) -> None:
        self.root = Path(autograded) / ".acelabs-accounts"

    def _path(self, student: str, lab: str) -> Path:
        return self.root / student / f"{lab}.json"

    def record(self, account: Account) -> None:
        """Keep ``account`` (atomically: a killed run leaves the old account or the new)."""
        json_records.write(self._path(account.student, account.lab), asdict(account))

    def all(self) -> dict[tuple[str, str], Account]:
        """Every account kept, by (student, lab); an unreadable file is skipped."""
        found = {}
        for path in sorted(self.root.glob("*/*.json")):
            try:
                account = Account(**json.loads(path.read_text()))
            except (OSError, ValueError, TypeError):
                continue
            found[(account.student, account.lab)] = account
        return found


def status(account: Account | None, submission: Any | None) -> tuple[str, str]:
    """(status, reason) of one student's lab, as every view shows it: "graded", "late",
    "awaiting manual grading", "not graded" (with the reason) or "not handed in"."""
    if account is not None and not account.graded:
        return NOT_GRADED, account.reason
    if submission is None:
        return NOT_HANDED_IN, ""
    reason = account.reason if account is not None else ""
    if submission.needs_manual_grade:
        return "awaiting manual grading", reason
    if submission.total_seconds_late > 0:
        late = f"{submission.total_seconds_late / 3600:.1f} h late"
        return "late", "; ".join(filter(None, (late, reason)))
    return "graded", reason


def counted(state: str) -> bool:
    """Whether a score belongs in an export: never for a submission not graded or not in."""
    return state not in (NOT_GRADED, NOT_HANDED_IN)


def remove_unearned(db_url: str, course_id: str, pairs: list[tuple[str, str]]) -> None:
    """Take out of the gradebook what a failed grading run of these (student, lab) left."""
    with Gradebook(db_url, course_id) as gradebook:
        for student, lab in pairs:
            try:
                gradebook.remove_submission(lab, student)
            except MissingEntry:
                continue


CSV_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
               "email", "raw_score", "late_submission_penalty", "score", "max_score",
               "status", "reason"]


class AccountedCsvExport(CsvExportPlugin):
    """nbgrader's CSV export (its columns, in its order) with each row's status and reason;
    a lab not graded or not handed in has no score rather than a 0 nobody earned."""

    autograded = Unicode("", help="The course's autograded folder (default: the course "
                                  "directory's)").tag(config=True)

    def _accounts(self) -> Accounts:
        if self.autograded:
            return Accounts(Path(self.autograded))
        coursedir = getattr(self.parent, "coursedir", None)
        root = Path(coursedir.root) if coursedir is not None else Path(".")
        folder = coursedir.autograded_directory if coursedir is not None else "autograded"
        return Accounts(root / folder)

    def export(self, gradebook: Gradebook) -> None:
        accounts = self._accounts().all()
        destination = self.to or "grades.csv"
        with open(destination, "w", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(CSV_COLUMNS)
            for assignment in gradebook.assignments:
                if self.assignment and assignment.name not in self.assignment:
                    continue
                for student in gradebook.students:
                    if self.student and student.id not in self.student:
                        continue
                    out.writerow(_row(gradebook, assignment, student,
                                      accounts.get((student.id, assignment.name))))


def _row(gradebook: Gradebook, assignment: Any, student: Any, account: Account | None) -> list:
    try:
        submission = gradebook.find_submission(assignment.name, student.id)
    except MissingEntry:
        submission = None
    state, reason = status(account, submission)
    scored = submission is not None and counted(state)
    penalty = submission.late_submission_penalty if scored else None
    cells = [assignment.name, assignment.duedate, submission.timestamp if scored else None,
             student.id, student.last_name, student.first_name, student.email,
             submission.score if scored else None, penalty,
             max(0.0, submission.score - (penalty or 0.0)) if scored else None,
             assignment.max_score, state, reason]
    return ["" if value is None else str(value) for value in cells]
