"""The whole pipeline on sample submissions, in a scratch course of its own.

Release every lab, hand in four students per lab (complete, partial, blank, a corrupt file),
grade them, write feedback, grades.csv (and its Canvas layout) and the cohort report, and print
the score table. The scratch course has its own SQLite gradebook, so the real course is never
touched; its folder is one the demo made (it holds a marker), so a second run may clear it and
no run clears anything else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from autograde import ownership, pipeline, report, submissions
from autograde.course import Course

STUDENTS = ("complete", "partial", "blank", "corrupt")


def hand_in(course: Course, lab: str) -> None:
    """Write the four sample submissions of one lab under submitted/."""
    notebook = f"{lab}.ipynb"
    source = submissions.read(course.path("source") / lab / notebook)
    released = submissions.read(course.path("release") / lab / notebook)
    answers = submissions.reference_answers(source)
    first_half = dict(list(answers.items())[: len(answers) // 2])
    made = {
        "complete": submissions.fill(released, answers),
        "partial": submissions.fill(released, first_half),
        "blank": released,
    }
    for student, nb in made.items():
        submissions.write(nb, course.path("submitted") / student / lab / notebook)
    corrupt = course.path("submitted") / "corrupt" / lab / notebook
    corrupt.parent.mkdir(parents=True, exist_ok=True)
    corrupt.write_bytes(b'{"cells": [{"cell_type": "code", "source": "print(1)"\x00\x9f garbage')


def run(course: Course, out: Path, labs: list[str] | None = None) -> list[pipeline.GradeResult]:
    """Build the scratch course in ``out`` from ``course``'s sources and grade it.

    ``out`` must be new, empty or made by an earlier demo (see `ownership.claim_scratch_folder`).
    """
    names = [course.resolve(name) for name in labs] if labs else course.labs()
    out = ownership.claim_scratch_folder(out, course)
    demo = course.relocated(out)
    for name in names:
        shutil.copytree(course.path("source") / name, demo.path("source") / name)
    print(f"Releasing {len(names)} labs into {demo.path('release')}")
    pipeline.release(demo, names, progress=True)
    for name in names:
        hand_in(demo, name)
    print(f"Grading {len(STUDENTS)} sample submissions per lab")
    results = pipeline.grade(demo, names, progress=True)
    print(pipeline.summary_table(results))
    grades = pipeline.export(demo, out / "grades.csv")
    canvas = pipeline.export_canvas(demo, out / "grades-canvas.csv")
    cohort = report.write(demo, out / "reports" / "cohort.html")
    print(f"Feedback: {demo.path('feedback')}")
    print(f"Grades:   {grades} (Canvas: {canvas.name})")
    print(f"Report:   {cohort}")
    return results
