"""How long each lab's source notebook (the reference solution) takes to run, and the total.

Each notebook runs in a fresh sandboxed kernel, one after another, as grading would run it.
Run from the repository root:  .venv/bin/python benchmarks/lab_runtimes.py [LAB ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from autograde import submissions
from autograde.course import Course
from autograde.execute import Job, Limits, run

BUDGET_SECONDS = 60  # the lab standard: ≤ 60 s with solutions on a 2-core machine


def main(argv: list[str]) -> int:
    course = Course.load(Path.cwd())
    total, slow = 0.0, []
    for lab in course.select(argv or None):
        folder = course.path("source") / lab
        nb = submissions.read(folder / f"{lab}.ipynb")
        outcome = run(Job.from_directory(nb, folder, Limits(), label=lab))
        errors = [c for c in outcome.notebook["cells"]
                  if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
        total += outcome.seconds
        flag = "" if outcome.seconds <= BUDGET_SECONDS else f"  over the {BUDGET_SECONDS} s budget"
        if errors or not outcome.complete:
            flag += f"  ({outcome.status}, {len(errors)} cells with errors)"
        if flag:
            slow.append(lab)
        print(f"{lab:<32} {outcome.seconds:6.1f} s  (cells {outcome.cell_seconds:5.1f} s){flag}")
    print(f"{'total':<32} {total:6.1f} s")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
