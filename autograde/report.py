"""The cohort report: one self-contained HTML page from the gradebook and the graded notebooks.

Per lab: the score distribution, the pass rate of every question, the most common failure
messages of every question (read from the autograded notebooks), and who was late or has not
handed in. Figures are matplotlib PNGs embedded in the page, so it opens anywhere, no server.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from nbgrader.api import Gradebook
from tqdm import tqdm

from autograde import AcelabsError, accounts, ownership, submissions
from autograde.course import Course

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
TOP_FAILURES = 3
NOT_GRADED_HEADER = ["lab", "student", "reason"]  # the list beside the page


@dataclass
class LabCohort:
    """Everything the report says about one lab."""

    lab: str
    max_score: float
    scores: pd.Series  # total per student who handed in
    pass_rates: pd.Series  # share of students with full marks, per grade cell
    failures: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    late: list[tuple[str, float]] = field(default_factory=list)  # (student, hours late)
    missing: list[str] = field(default_factory=list)
    not_graded: list[tuple[str, str]] = field(default_factory=list)  # (student, reason)


def _grades(gradebook: Gradebook, lab: str, not_graded: set[str]
            ) -> tuple[pd.DataFrame, list[tuple[str, float]]]:
    rows, late = [], []
    for submission in gradebook.assignment_submissions(lab):
        student = submission.student.id
        if student in not_graded:  # an older score: the submission on record is not graded
            continue
        if submission.total_seconds_late > 0:
            late.append((student, submission.total_seconds_late / 3600))
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                rows.append({"student": student, "cell": grade.name,
                             "score": grade.score or 0.0, "max_score": grade.max_score})
    return pd.DataFrame(rows, columns=["student", "cell", "score", "max_score"]), late


def failure_key(message: str) -> str:
    """Messages that differ only in their numbers count as one failure."""
    return _NUMBER.sub("#", message)


def _failures(course: Course, lab: str) -> dict[str, Counter]:
    """Per grade cell, how often each (number-blind) error message appears in the lab's graded
    notebooks; each message is shown as its first example."""
    found: dict[str, Counter] = {}
    examples: dict[str, str] = {}
    for path in sorted(course.path("autograded").glob(f"*/{lab}/*.ipynb")):
        try:
            nb = submissions.read(path)
        except Exception:  # an unreadable graded notebook has no messages to count
            continue
        for grade_id, error in submissions.grade_cell_errors(nb).items():
            text = f"{error.get('ename', '')}: {error.get('evalue', '')}"
            text = text.strip().splitlines()[0][:200] if text.strip() else "error"
            key = failure_key(text)
            examples.setdefault(key, text)
            found.setdefault(grade_id, Counter())[examples[key]] += 1
    return found


def collect(course: Course) -> list[LabCohort]:
    """The report's numbers for every lab with at least one graded submission."""
    cohorts = []
    kept = accounts.Accounts(course.path("autograded")).all()
    with Gradebook(course.db_url, course.course_id) as gradebook:
        roster = sorted(s.id for s in gradebook.students)
        labs = [a.name for a in gradebook.assignments]
        for lab in tqdm(labs, desc="report", unit="lab", disable=None):
            not_graded = sorted((a.student, a.reason) for a in kept.values()
                                if a.lab == lab and not a.graded)
            grades, late = _grades(gradebook, lab, {s for s, _ in not_graded})
            if grades.empty and not not_graded:
                continue
            totals = grades.groupby("student")["score"].sum()
            full = grades.assign(full=grades["score"] >= grades["max_score"])
            pass_rates = full.groupby("cell", sort=False)["full"].mean()
            max_score = float(grades.groupby("student")["max_score"].sum().max()) \
                if not grades.empty else 0.0
            failures = {cell: counts.most_common(TOP_FAILURES)
                        for cell, counts in _failures(course, lab).items()}
            missing = [s for s in roster
                       if s not in totals.index and s not in {n for n, _ in not_graded}]
            cohorts.append(LabCohort(lab, max_score, totals, pass_rates, failures, late, missing,
                                     not_graded))
    return cohorts


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode()


def _figure(cohort: LabCohort) -> str:
    fig = Figure(figsize=(10, 3))
    left, right = fig.subplots(1, 2)
    left.hist(cohort.scores, bins=min(20, max(5, len(cohort.scores))),
              range=(0, cohort.max_score), color="tab:blue", edgecolor="white")
    left.set(title="score distribution", xlabel=f"points (of {cohort.max_score:g})",
             ylabel="students")
    rates = cohort.pass_rates
    right.barh(rates.index[::-1], rates.values[::-1] * 100, color="tab:green")
    right.set(title="full marks per question", xlabel="% of students", xlim=(0, 100))
    fig.tight_layout()
    return _png(fig)


def _section(cohort: LabCohort) -> str:
    e = html.escape
    scores = cohort.scores
    parts = [f"<h2>{e(cohort.lab)}</h2>"]
    if len(scores):
        parts += [f"<p>{len(scores)} graded · mean {scores.mean():.1f} · median "
                  f"{scores.median():.1f} of {cohort.max_score:g} points</p>",
                  f'<img alt="scores of {e(cohort.lab)}" src="data:image/png;base64,'
                  f'{_figure(cohort)}">']
    else:
        parts.append("<p>0 graded</p>")
    if cohort.not_graded:
        parts.append(f"<h3>Could not grade ({len(cohort.not_graded)})</h3>"
                     "<table><tr><th>student</th><th>reason</th></tr>")
        parts += [f"<tr><td>{e(s)}</td><td>{e(r)}</td></tr>" for s, r in cohort.not_graded]
        parts.append("</table>")
    parts.append("<h3>Most common failures</h3>")
    if cohort.failures:
        parts.append("<table><tr><th>question</th><th>students</th><th>message</th></tr>")
        for cell in cohort.pass_rates.index:
            for message, count in cohort.failures.get(cell, []):
                parts.append(f"<tr><td>{e(cell)}</td><td>{count}</td><td>{e(message)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>none</p>")
    late = ", ".join(f"{e(s)} ({h:.1f} h)" for s, h in cohort.late) or "none"
    missing = ", ".join(e(s) for s in cohort.missing) or "none"
    parts += [f"<p><b>Late:</b> {late}</p>", f"<p><b>Missing:</b> {missing}</p>"]
    return "\n".join(parts)


def write(course: Course, destination: Path) -> Path:
    """Write the cohort report as one HTML file, and the submissions it could not grade as
    <name>-not-graded.csv beside it (replacing only files acelabs wrote)."""
    listed = destination.with_name(f"{destination.stem}-not-graded.csv")
    ownership.check_replaceable(destination, (ownership.HTML_SIGNATURE,))
    ownership.check_replaceable(listed, (",".join(NOT_GRADED_HEADER),))
    cohorts = collect(course)
    if not cohorts:
        raise AcelabsError("the gradebook has no graded submissions yet (run `acelabs grade`)")
    body = "\n".join(_section(c) for c in cohorts)
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    page = (f"<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{html.escape(course.course_id)} cohort report</title><style>"
            "body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#202124}"
            "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;"
            "text-align:left;vertical-align:top}</style></head><body>"
            f"<h1>{html.escape(course.course_id)}: cohort report</h1><p>{stamp}</p>"
            f"{body}</body></html>")
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(ownership.signed_html(page), encoding="utf-8")
    _write_not_graded(cohorts, listed)
    return destination



def _write_not_graded(cohorts: list[LabCohort], destination: Path) -> None:
    """The submissions that could not be graded, beside the page, to act on."""
    with destination.open("w", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(NOT_GRADED_HEADER)
        out.writerows([c.lab, s, r] for c in cohorts for s, r in c.not_graded)
