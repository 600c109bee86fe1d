"""The learner's verbs: copy a lab into a workspace, and grade one notebook with the hidden tests.

Self-grading goes through exactly the instructor's path: a scratch nbgrader course in a
temporary directory (source, release, one submission), ``pipeline.grade`` with the sandboxed
engine, and nbgrader's own feedback page. The grading engine is imported by ``self_check``
itself, so that ``start`` (a copy) starts at once.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from autograde import AcelabsError
from labs import catalog, progress
from labs.check import hints_for

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from autograde.course import Course

_USE_CALL = re.compile(r"""\buse\(\s*["']([^"']+)["']\s*\)""")
SELF = "me"  # the student id of a self-graded notebook in its scratch course


def start(course: Course, lab_id: str, workspace: Path) -> Path:
    """Copy the student version of a lab into ``workspace/<lab>/``; the notebook's path.

    Work already there is never overwritten: a lab that is already in the workspace is an error.
    """
    lab = catalog.get(lab_id).id
    released = course.path("release") / lab
    if not (released / f"{lab}.ipynb").is_file():
        raise AcelabsError(f"{lab} has no student version in {course.path('release')}; "
                           "run `acelabs release` first")
    target = workspace / lab
    if target.exists():
        raise AcelabsError(f"{target} already exists: your work there is kept (open it with "
                           "`acelabs lab`, or pick another --dir)")
    progress.init(workspace)
    shutil.copytree(released, target)
    return target / f"{lab}.ipynb"


def lab_of(nb: NotebookNode) -> str | None:
    """The lab a notebook belongs to, from the ``use("<lab>")`` call of its locked setup cell."""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("locked") and not meta.get("solution"):
            if match := _USE_CALL.search(cell.source):
                try:
                    return catalog.get(match.group(1)).id
                except catalog.UnknownLabError:
                    return None
    return None


def read_notebook(path: Path) -> NotebookNode:
    """The notebook at ``path``, or an AcelabsError that says what is wrong with the file."""
    import nbformat

    if not path.is_file():
        raise AcelabsError(f"no notebook at {path}")
    try:
        return nbformat.read(str(path), as_version=4)
    except Exception as error:  # nbformat raises many types for a damaged file
        raise AcelabsError(f"{path} is not a readable notebook: {type(error).__name__}: "
                           f"{str(error).splitlines()[0] if str(error) else ''}") from None


def identify(nb: NotebookNode, path: Path, expected: str | None = None) -> str:
    """The lab of the notebook at ``path``; an error where the file, its name and ``expected``
    disagree (a notebook of another lab handed in under this one's name)."""
    lab = lab_of(nb)
    if lab is None:
        raise AcelabsError(f"{path} is not an Ace ML Labs notebook (its setup cell, which names "
                           "the lab, is missing)")
    wanted = catalog.get(expected).id if expected else None
    named = next((lab.id for lab in catalog.labs() if path.stem == lab.id), None)
    for claim in (wanted, named):
        if claim and claim != lab:
            raise AcelabsError(f"{path} is the notebook of {lab}, not of {claim}")
    return lab


@dataclass
class QuestionResult:
    question: str
    score: float
    max_score: float
    messages: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


@dataclass
class CheckReport:
    """A self-graded notebook: per question points and failure messages, and the feedback page."""

    lab: str
    questions: list[QuestionResult]
    feedback: Path | None
    problem: str | None = None
    note: str | None = None

    @property
    def score(self) -> float:
        return sum(q.score for q in self.questions)

    @property
    def max_score(self) -> float:
        return sum(q.max_score for q in self.questions)


def _errors_by_cell(nb: NotebookNode) -> dict[str, str]:
    """The error of every grade cell that failed in an executed notebook, as one line."""
    from autograde import submissions

    return {grade_id: (f"{error.ename}: {error.evalue}" if error.evalue
                       else f"{error.ename} (not attempted yet?)")
            for grade_id, error in submissions.grade_cell_errors(nb).items()}


def _question(grade_id: str) -> str:
    return grade_id.split("_", 1)[0]


def self_check(course: Course, notebook: Path, lab_id: str | None = None,
               feedback_to: Path | None = None) -> CheckReport:
    """Grade one notebook (a lab, or a mock interview) with the hidden tests, as the
    instructor's grading would."""
    from autograde import interview, ownership, pipeline, submissions

    nb = read_notebook(notebook)
    feedback_to = feedback_to or notebook.with_name(f"{notebook.stem}-feedback.html")
    ownership.check_replaceable(feedback_to, (ownership.HTML_SIGNATURE,))
    if interview.is_interview(nb):
        if lab_id:
            raise AcelabsError(f"{notebook} is a mock interview, not {lab_id}")
        def prepare(scratch: Course) -> str:
            return interview.prepare_grading(course, nb, scratch)
    else:
        lab = identify(nb, notebook, lab_id)
        def prepare(scratch: Course) -> str:
            shutil.copytree(course.path("source") / lab, scratch.path("source") / lab)
            return lab
    with tempfile.TemporaryDirectory(prefix="acelabs-check-") as tmp:
        scratch = course.relocated(Path(tmp))
        name = prepare(scratch)
        pipeline.release(scratch, [name])
        submissions.write(nb, scratch.path("submitted") / SELF / name / f"{name}.ipynb")
        [result] = pipeline.grade(scratch, [name], jobs=1)
        if not result.graded:
            return CheckReport(name, [], None, result.problem)
        executed = submissions.read(scratch.path("autograded") / SELF / name / f"{name}.ipynb")
        questions = _question_results(scratch, name, executed)
        feedback = None
        page = scratch.path("feedback") / SELF / name / f"{name}.html"
        if page.is_file():
            feedback = feedback_to
            feedback.write_text(ownership.signed_html(page.read_text(encoding="utf-8")),
                                encoding="utf-8")
    timing = interview.timing(nb) if interview.is_interview(nb) else None
    note = "; ".join(filter(None, [result.note, timing])) or None
    report = CheckReport(interview.name_of(nb) if timing else name, questions, feedback,
                         note=note)
    progress.record(report.lab, "*", "grade",
                    outcome=timing or f"{report.score:g}/{report.max_score:g}",
                    score=report.score, max_score=report.max_score,
                    workspace_db=progress.find(notebook.parent))
    return report


def _question_results(scratch: Course, name: str,
                      executed: NotebookNode) -> list[QuestionResult]:
    """Points and failure messages per question, in the notebook's order."""
    from nbgrader.api import Gradebook

    errors = _errors_by_cell(executed)
    order = [cell.metadata["nbgrader"]["grade_id"] for cell in executed.cells
             if cell.get("metadata", {}).get("nbgrader", {}).get("grade")]
    by_question: dict[str, QuestionResult] = {}
    with Gradebook(scratch.db_url, scratch.course_id) as gradebook:
        graded = gradebook.find_submission_notebook(name, name, SELF)
        grades = {grade.name: (grade.score or 0.0, grade.max_score) for grade in graded.grades}
    for grade_id in order:
        score, max_score = grades[grade_id]
        q = by_question.setdefault(_question(grade_id), QuestionResult(_question(grade_id), 0, 0))
        q.score += score
        q.max_score += max_score
        if grade_id in errors:
            q.messages.append(errors[grade_id])
    return list(by_question.values())


def format_report(report: CheckReport) -> str:
    """Per-question points, failure messages and the first hint for each question lost."""
    if report.problem:
        return f"{report.lab}: not graded — {report.problem}"
    hints = hints_for(report.lab) if report.lab in catalog.ids() else {}
    lines = [f"{report.lab}: {report.score:g} / {report.max_score:g} points"]
    for q in report.questions:
        mark = "✔" if q.passed else "✘"
        lines.append(f"  {mark} {q.question:<4} {q.score:g}/{q.max_score:g}")
        if not q.passed:
            lines += [f"      {message[:300]}" for message in q.messages]
            if q.question in hints:
                lines.append(f"      hint: {hints[q.question][0]}")
    if report.note:
        lines.append(f"note: {report.note}")
    if report.feedback:
        lines.append(f"feedback: {report.feedback}")
    return "\n".join(lines)
