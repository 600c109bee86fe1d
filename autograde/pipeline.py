"""The course's stages (release, grade, feedback, export), each a call into nbgrader's own API."""

from __future__ import annotations

import contextlib
import copy
import csv
import dataclasses
import filecmp
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.api import Gradebook, InvalidEntry, MissingEntry
from nbgrader.apps import NbGraderAPI
from tqdm import tqdm
from traitlets.config import Config

from autograde import AcelabsError, accounts, grading, ownership, plain_files, resume, submissions
from autograde.course import Course
from autograde.execute import Limits
from autograde.executors import Executor, WarmPool
from labs import answer_keys


def _api(course: Course, **overrides: dict) -> NbGraderAPI:
    """nbgrader's API on this course; relative paths in its config resolve from the root."""
    _use_own_tools()
    config = copy.deepcopy(course.config)  # a shallow copy shares its sections with the course's
    if "exporter_class" not in config.GenerateFeedback:  # a course's own choice stands
        config.GenerateFeedback.exporter_class = "autograde.feedback.FeedbackExporter"
    if overrides:
        config.merge(Config(overrides))
    return NbGraderAPI(config=config, log_level="WARN")


def _use_own_tools() -> None:
    """nbgrader runs `alembic` from PATH: make it this environment's, even when not activated."""
    own_bin = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if path.split(os.pathsep)[0] != own_bin:
        os.environ["PATH"] = own_bin + os.pathsep + path


# nbgrader failures that mean the student edited the notebook's grading metadata.
_TAMPERING = ("Inconsistent checksums", "KeyError: 'grade_id'", "Duplicate grade_id",
              "Could not find cell")


def _explained(error: str) -> str:
    """An nbgrader error as the reason a submission was rejected."""
    if any(sign in error for sign in _TAMPERING):
        return f"rejected: the notebook's nbgrader cell metadata was edited ({error})"
    return error


def _last_error(result: dict) -> str:
    """One line saying why an nbgrader step failed, from its captured log and traceback."""
    records = re.split(r"^(?=\[[A-Z]+\] )", result.get("log") or "", flags=re.MULTILINE)
    errors = [r.removeprefix("[ERROR] ").strip() for r in records if r.startswith("[ERROR] ")]
    generic = ("There was an error processing", "Please see the")
    for record in errors:
        if record.startswith("Traceback"):
            return record.splitlines()[-1].strip()
    specific = [record.splitlines()[0] for record in errors if not record.startswith(generic)]
    if specific:
        return specific[0]
    trace = [line for line in (result.get("error") or "").splitlines() if line.strip()]
    return trace[-1].strip() if trace else "nbgrader failed without saying why"


# --- release -------------------------------------------------------------------------------

def ensure_exchange(course: Course) -> Path | None:
    """The course's nbgrader exchange (``c.Exchange.root``), made if it is missing with the
    permissions nbgrader's release_assignment, fetch and submit need (everyone writes; sticky,
    like /tmp). None when the course names no exchange; a folder that exists is left as is."""
    root = course.config.Exchange.get("root") if "Exchange" in course.config else None
    if not root:
        return None
    path = Path(root)
    if not path.is_dir():
        try:
            path.mkdir(parents=True)
            path.chmod(0o1777)
        except OSError as error:
            raise AcelabsError(f"could not make nbgrader's exchange {path}: {error}") from None
    return path


def release(course: Course, labs: Iterable[str] | None = None,
            progress: bool = False) -> list[str]:
    """Generate the student version of each lab into release/ (nbgrader generate_assignment)."""
    names = course.select(labs)
    if not names:
        raise AcelabsError(f"no labs found in {course.path('source')}")
    api = _api(course)
    ensure_exchange(course)
    with contextlib.chdir(course.root):
        for name in tqdm(names, desc="release", unit="lab", disable=not progress or None):
            result = api.generate_assignment(name, force=True, create=True)
            if not result["success"]:
                raise AcelabsError(f"could not release {name}: {_last_error(result)}")
            # c.Check.answers = False: check() in the released lab keeps to the visible tests
            answer_keys.mark_release(course.path("release") / name,
                                     (course.config.get("Check") or {}).get("answers", True))
    return names


def release_differences(course: Course, labs: Iterable[str] | None = None) -> list[str]:
    """Files of release/ that a fresh release would change, add or remove (relative paths)."""
    names = course.select(labs)
    with tempfile.TemporaryDirectory(prefix="acelabs-release-") as tmp:
        scratch = course.relocated(Path(tmp))
        shutil.copytree(course.path("source"), scratch.path("source"))
        release(scratch, names)
        differences: list[str] = []
        for name in names:
            differences += _tree_differences(
                scratch.path("release") / name, course.path("release") / name,
                prefix=f"{course.path('release').name}/{name}")
    return differences


def _tree_differences(fresh: Path, committed: Path, prefix: str) -> list[str]:
    fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    committed_files = ({p.relative_to(committed) for p in committed.rglob("*") if p.is_file()}
                       if committed.is_dir() else set())
    changed = [f for f in fresh_files & committed_files
               if not filecmp.cmp(fresh / f, committed / f, shallow=False)]
    return sorted(f"{prefix}/{f}" for f in (fresh_files ^ committed_files) | set(changed))


# --- grade ---------------------------------------------------------------------------------

@dataclass
class GradeResult:
    student: str
    lab: str
    score: float | None
    max_score: float | None
    problem: str | None = None  # why it could not be graded
    note: str | None = None  # graded, but something the student should know (a time limit…)
    cell_seconds: float = 0.0  # time spent running the notebooks' cells in this run
    judge_seconds: float = 0.0  # of which judging grade cells (learner calls included)

    @property
    def graded(self) -> bool:
        return self.problem is None


def find_submissions(course: Course, labs: Iterable[str] | None = None,
                     submitted: Path | None = None) -> list[tuple[str, str]]:
    """(student, lab) pairs present under submitted/<student>/<lab>/ (linked folders too, so
    that `unreadable_notebook` reports them)."""
    root = submitted or course.path("submitted")
    if not root.is_dir():
        raise AcelabsError(f"no submissions directory at {root}")
    wanted = set(labs) if labs else set(course.labs())
    pairs = [(student.name, lab.name)
             for student in sorted(root.iterdir()) if student.is_dir()
             for lab in sorted(student.iterdir()) if lab.is_dir() and lab.name in wanted]
    return pairs


def unreadable_notebook(folder: Path, expected: set[str], within: Path | None = None,
                        cells: dict[str, set[str]] | None = None) -> str | None:
    """Why the notebooks in a submission folder cannot be graded, or None if they can.

    ``expected`` holds the file names of the lab's notebooks in source/; ``within`` is the
    folder of all submissions; ``cells`` the grade ids of every lab's notebooks, by lab, with
    this lab's under the key "" (to tell another lab's notebook from a tampered one). A link or
    special file anywhere in the submission (or a linked student or lab folder) refuses it
    before any file is read (see `plain_files`).
    """
    if refused := plain_files.refusal(folder, within):
        return refused
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        return "the submission holds no notebook"
    if expected and not expected & {path.name for path in notebooks}:
        found = ", ".join(path.name for path in notebooks)
        return f"none of this lab's notebooks ({', '.join(sorted(expected))}); found {found}"
    for path in notebooks:
        try:
            nb = nbformat.read(str(path), as_version=nbformat.NO_CONVERT)
            if nb.get("nbformat") != 4:
                return f"{path.name}: nbformat version {nb.get('nbformat')} (need 4)"
            nbformat.validate(nb)
        except Exception as error:  # any parse or schema failure is the student's file's fault
            lines = str(error).strip().splitlines() or [type(error).__name__]
            return f"{path.name} is not a valid notebook: {lines[0]}"
        if cells and (other := _other_lab(nb, cells)):
            return f"{path.name} is {other}'s notebook, not this lab's"
    return None


def grade_ids(nb: Any) -> set[str]:
    """The nbgrader ids of a notebook's cells."""
    return {cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            for cell in nb.get("cells", [])} - {None}


def _other_lab(nb: Any, cells: dict[str, set[str]]) -> str | None:
    """The lab whose notebook ``nb`` is, if it shares no cell with this lab's and most of its
    cells with another's ("another lab" if none matches); None if it may be this lab's."""
    ids = grade_ids(nb)
    if not ids or ids & cells[""]:
        return None
    matches = [(len(ids & theirs), lab) for lab, theirs in cells.items() if lab and theirs]
    best = max(matches, default=(0, ""))
    return best[1] if best[0] * 2 >= len(ids) else "another lab"


def _lab_cells(course: Course) -> dict[str, set[str]]:
    """Every lab's grade ids, read from its source notebooks."""
    found = {}
    for lab in course.labs():
        found[lab] = set()
        for path in sorted((course.path("source") / lab).glob("*.ipynb")):
            with contextlib.suppress(Exception):
                found[lab] |= grade_ids(submissions.read(path))
    return found


def limits(course: Course) -> Limits:
    """Execution limits from the course config (``c.Execute.timeout``, ``c.Limits.*``)."""
    return config_limits(course.config)


def config_limits(config: Config) -> Limits:
    """Execution limits from an nbgrader config (``c.Execute.timeout``, ``c.Limits.*``)."""
    configured = {f.name: config.Limits[f.name]
                  for f in dataclasses.fields(Limits) if f.name in config.Limits}
    cell_seconds = config.Execute.get("timeout", Limits.cell_seconds)
    return Limits(**{"cell_seconds": cell_seconds, **configured})


def grade(course: Course, labs: Iterable[str] | None = None, submitted: Path | None = None,
          jobs: int | None = None, executor: Executor | None = None,
          progress: bool = False, force: bool = False) -> list[GradeResult]:
    """Autograde every submission (nbgrader's Autograde, run in parallel), then its feedback.

    A submission that cannot be graded is reported with its reason; the others are graded.
    Submissions graded before and unchanged since are skipped unless ``force``.
    """
    names = course.select(labs)
    submitted = submitted.resolve() if submitted else None
    pairs = find_submissions(course, names, submitted)
    overrides = {"CourseDirectory": {"submitted_directory": str(submitted)}} if submitted else {}
    api = _api(course, **overrides)
    root = submitted or course.path("submitted")
    records = resume.Records(course.path("autograded"))
    expected = {lab: {p.name for p in (course.path("source") / lab).glob("*.ipynb")}
                for lab in names}
    every_lab = _lab_cells(course)
    problems = {pair: unreadable_notebook(root / pair[0] / pair[1], expected[pair[1]], root,
                                          {**every_lab, "": every_lab.get(pair[1], set())})
                for pair in pairs}
    fingerprints = {pair: resume.digest(root / pair[0] / pair[1])
                    for pair, problem in problems.items() if problem is None}
    unchanged = {pair for pair, fingerprint in fingerprints.items()
                 if not force and records.is_current(*pair, fingerprint)}
    todo = [grading.Submission(*pair) for pair in fingerprints if pair not in unchanged]
    feedback_problems: dict[tuple[str, str], str] = {}
    bar = tqdm(total=len(todo), desc="grading", unit="nb", disable=not progress or None)

    def finish(graded: grading.Graded) -> None:
        """Feedback and the resume record, as each submission's scores are saved."""
        key = (graded.submission.student, graded.submission.lab)
        bar.update()
        bar.set_postfix_str("/".join(key))
        if graded.success:
            result = api.generate_feedback(key[1], key[0], force=True)
            if result["success"]:
                records.mark(*key, fingerprints[key])
            else:
                feedback_problems[key] = f"graded, but no feedback: {_last_error(result)}"

    with contextlib.chdir(course.root):
        _ensure_released(course, {lab for _, lab in pairs})
        _register_students(course, {student for student, _ in pairs})
        for pair in fingerprints.keys() - unchanged:
            records.forget(*pair)
        pool = None if executor else WarmPool()
        try:
            with bar:
                graded = grading.grade_all(api.config, todo, executor or pool,
                                           jobs or os.cpu_count() or 1, limits(course), finish)
        finally:
            if pool:
                pool.close()
    by_pair = {(g.submission.student, g.submission.lab): g for g in graded}
    results = []
    for pair, problem in problems.items():
        note = "unchanged since graded (--force regrades)" if pair in unchanged else None
        if pair in by_pair:
            done = by_pair[pair]
            problem = None if done.success else _explained(
                _last_error({"log": done.log, "error": done.error}))
            problem = problem or feedback_problems.get(pair)
            note = "; ".join(o.message for o in done.outcomes if not o.complete) or None
        result = _score(course, *pair, problem, note)
        if pair in by_pair:
            outcomes = by_pair[pair].outcomes
            result.judge_seconds = sum(o.judge_seconds for o in outcomes)
            result.cell_seconds = sum(o.cell_seconds for o in outcomes) + result.judge_seconds
        results.append(result)
    _keep_accounts(course, results, unchanged,
                   [pair for pair, done in by_pair.items() if not done.success])
    return results


def _keep_accounts(course: Course, results: list[GradeResult], unchanged: set,
                   failed: list[tuple[str, str]]) -> None:
    """Record what became of each submission, and take out of the gradebook the scores of
    the runs that failed (nbgrader stores 0 for them), so every view tells the same story."""
    accounts.remove_unearned(course.db_url, course.course_id, failed)
    kept = accounts.Accounts(course.path("autograded"))
    for r in results:
        if (r.student, r.lab) not in unchanged:
            kept.record(accounts.Account(r.student, r.lab, r.graded, r.problem or r.note or ""))


def _ensure_released(course: Course, labs: set[str]) -> None:
    """Autograde needs each lab's source cells in the gradebook: record any that are missing."""
    with Gradebook(course.db_url, course.course_id) as gradebook:
        known = {a.name for a in gradebook.assignments}
    for lab in sorted(labs - known):
        with tempfile.TemporaryDirectory() as tmp:  # keep release/ as committed
            scratch = _api(course, CourseDirectory={"release_directory": tmp})
            result = scratch.generate_assignment(lab, force=True, create=True)
        if not result["success"]:
            raise AcelabsError(f"could not prepare {lab} for grading: {_last_error(result)}")


def _register_students(course: Course, students: set[str]) -> None:
    """Make each student's gradebook row before grading starts.

    Two graders sharing a gradebook (concurrent `acelabs grade --lab …` on PostgreSQL) would
    otherwise both try to create the same new student, and one of them would fail.
    """
    with Gradebook(course.db_url, course.course_id) as gradebook:
        for student in sorted(students):
            try:
                gradebook.update_or_create_student(student)
            except InvalidEntry:  # another grader created it a moment ago
                gradebook.db.rollback()


def _score(course: Course, student: str, lab: str, problem: str | None,
           note: str | None = None) -> GradeResult:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        try:
            submission = gradebook.find_submission(lab, student)
            score, max_score = submission.score, submission.max_score
        except MissingEntry:
            score = max_score = None
    if problem:
        score = None
    return GradeResult(student, lab, score, max_score, problem, note)


# --- export --------------------------------------------------------------------------------

NBGRADER_CSV_HEADER = "assignment,duedate,timestamp,student_id,"  # CsvExportPlugin's first line
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def export(course: Course, destination: Path) -> Path:
    """Every student's grade of every lab as nbgrader's CSV, with each row's status and reason
    (`accounts.AccountedCsvExport`). An existing file is replaced only if it is such an
    export."""
    ownership.check_replaceable(destination, (NBGRADER_CSV_HEADER,))
    destination.parent.mkdir(parents=True, exist_ok=True)
    with Gradebook(course.db_url, course.course_id) as gradebook:
        accounts.AccountedCsvExport(to=str(destination),
                                    autograded=str(course.path("autograded"))).export(gradebook)
    return destination


def export_canvas(course: Course, destination: Path) -> Path:
    """The grades in the layout Canvas imports: a student per row, a column per lab, and a
    "Points Possible" row under the header. A lab not handed in is left empty, not 0. An
    existing file is replaced only if it has this layout's header."""
    ownership.check_replaceable(destination, (",".join(CANVAS_HEADER),))
    kept = accounts.Accounts(course.path("autograded")).all()
    with Gradebook(course.db_url, course.course_id) as gradebook:
        labs = [(a.name, a.max_score) for a in gradebook.assignments]
        scores = {(s.student.id, lab): s.score
                  for lab, _ in labs for s in gradebook.assignment_submissions(lab)
                  if accounts.counted(accounts.status(kept.get((s.student.id, lab)), s)[0])}
        students = sorted(gradebook.students, key=lambda s: s.id)
        rows = [[", ".join(filter(None, (s.last_name, s.first_name))) or s.id, s.id, "", s.id, ""]
                + [_points(scores.get((s.id, lab))) for lab, _ in labs] for s in students]
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([*CANVAS_HEADER, *(lab for lab, _ in labs)])
        out.writerow(["Points Possible", "", "", "", "", *(_points(m) for _, m in labs)])
        out.writerows(rows)
    return destination


def _points(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def summary_table(results: list[GradeResult]) -> str:
    """The score of every submission graded, one line each, problems spelled out."""
    rows = [("student", "lab", "score", "note")]
    for r in results:
        score = f"{r.score:g} / {r.max_score:g}" if r.graded and r.max_score else "—"
        rows.append((r.student, r.lab, score, r.problem or r.note or ""))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}".rstrip()
             for a, b, c, d in rows]
    lines.insert(1, "-" * max(len(line) for line in lines))
    graded = sum(r.graded for r in results)
    lines.append(f"{graded} graded, {len(results) - graded} not graded")
    return "\n".join(lines)
