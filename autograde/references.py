"""Whether each lab's reference solution earns every point, before its student version ships.

A release whose own solution loses points teaches learners that correct work fails. So
`acelabs release` grades the source notebooks themselves — as a student's submission, through
the same sandboxed path as any other — in a scratch course, and refuses a lab that loses
points, naming the cells and their errors. A lab whose source folder is unchanged since it last
passed is not graded again (a record under autograded/.acelabs-references/).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

from autograde import json_records, pipeline, resume, submissions
from autograde.course import Course

REFERENCE = "reference-solution"  # the scratch course's one student


@dataclass(frozen=True)
class Shortfall:
    """A lab whose reference solution did not get full marks."""

    lab: str
    lost: dict[str, str]  # grade cell -> "score/max: its error", or why the lab was not graded

    def __str__(self) -> str:
        cells = "; ".join(f"{cell} {why}" for cell, why in self.lost.items())
        return f"{self.lab}: its reference solution loses points — {cells}"


def _record(course: Course, lab: str) -> Path:
    return course.path("autograded") / ".acelabs-references" / f"{lab}.json"


def _passed_before(course: Course, lab: str, fingerprint: str) -> bool:
    try:
        return json.loads(_record(course, lab).read_text()).get("digest") == fingerprint
    except (OSError, ValueError):
        return False


def shortfalls(course: Course, labs: list[str], jobs: int | None = None) -> list[Shortfall]:
    """Grade the reference solution of each of ``labs`` not verified since it last changed;
    the labs that lose points."""
    fingerprints = {lab: resume.digest(course.path("source") / lab) for lab in labs}
    todo = [lab for lab in labs if not _passed_before(course, lab, fingerprints[lab])]
    if not todo:
        return []
    found = []
    with tempfile.TemporaryDirectory(prefix="acelabs-references-") as tmp:
        scratch = course.relocated(Path(tmp))
        for lab in todo:
            source = course.path("source") / lab
            shutil.copytree(source, scratch.path("source") / lab)
            shutil.copytree(source, scratch.path("submitted") / REFERENCE / lab)
        pipeline.release(scratch, todo)
        results = {r.lab: r for r in pipeline.grade(scratch, todo, jobs=jobs)}
        for lab in todo:
            lost = _lost(scratch, lab, results.get(lab))
            if lost:
                found.append(Shortfall(lab, lost))
            else:
                json_records.write(_record(course, lab), {"digest": fingerprints[lab]})
    return found


def _lost(scratch: Course, lab: str, result: pipeline.GradeResult | None) -> dict[str, str]:
    if result is None or not result.graded:
        return {"(not graded)": result.problem if result else "no notebook to grade"}
    lost = {}
    with Gradebook(scratch.db_url, scratch.course_id) as gradebook:
        submission = gradebook.find_submission(lab, REFERENCE)
        for notebook in submission.notebooks:
            graded = scratch.path("autograded") / REFERENCE / lab / f"{notebook.name}.ipynb"
            errors = submissions.grade_cell_errors(submissions.read(graded))
            for grade in notebook.grades:  # cells graded by hand have no automatic score
                if grade.auto_score is not None and grade.auto_score < grade.max_score:
                    error = errors.get(grade.name)
                    why = f"{error.ename}: {error.evalue}"[:300] if error else "no error shown"
                    lost[grade.name] = f"({grade.auto_score:g}/{grade.max_score:g}: {why})"
    return lost
