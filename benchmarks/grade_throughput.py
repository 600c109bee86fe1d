"""Grading throughput: plain `nbgrader autograde` against `acelabs grade`, in the same run.

Builds a class from the course's labs (complete, partial and blank notebooks, plus one student
whose kernel dies), grades it both ways in separate scratch courses, checks that the scores
agree, and prints the throughput ratio and acelabs' overhead over the pure cell-execution time
divided by the cores. Run from the repository root:

    .venv/bin/python benchmarks/grade_throughput.py --students 6 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning

from autograde import pipeline, submissions
from autograde.course import Course
from autograde.execute import cell_seconds

KINDS = ("complete", "partial", "blank")
HOSTILE = "dies"  # os._exit in the first solution cell: nbgrader drops it, acelabs scores it


STOCK_NBGRADER = (
    "\n# plain nbgrader for the comparison: its own Execute, in a kernel of the grader's\n"
    "c.Autograde.autograde_preprocessors = [\n"
    "    'nbgrader.preprocessors.Execute', 'nbgrader.preprocessors.IgnorePattern',\n"
    "    'nbconvert.preprocessors.ClearMetadataPreprocessor',\n"
    "    'nbgrader.preprocessors.LimitOutput', 'nbgrader.preprocessors.SaveAutoGrades',\n"
    "    'nbgrader.preprocessors.AssignLatePenalties',\n"
    "    'nbgrader.preprocessors.CheckCellMetadata']\n")


def build_class(course: Course, root: Path, labs: list[str], students: int,
                stock: bool = False) -> None:
    """Scratch course at ``root`` with the labs' sources, releases and a submitted class;
    ``stock``: nbgrader's own autograde steps, not the course's sandboxed execute step."""
    scratch = course.relocated(root)
    shutil.copy(course.root / "nbgrader_config.py", root / "nbgrader_config.py")
    if stock:
        with open(root / "nbgrader_config.py", "a") as config:
            config.write(STOCK_NBGRADER)
    for lab in labs:
        shutil.copytree(course.path("source") / lab, scratch.path("source") / lab)
        shutil.copytree(course.path("release") / lab, scratch.path("release") / lab)
        name = f"{lab}.ipynb"
        source = submissions.read(scratch.path("source") / lab / name)
        released = submissions.read(scratch.path("release") / lab / name)
        answers = submissions.reference_answers(source)
        half = dict(list(answers.items())[: len(answers) // 2])
        kinds = {"complete": answers, "partial": half, "blank": {}}
        for index in range(students):
            kind = KINDS[index % len(KINDS)]
            nb = submissions.fill(released, kinds[kind])
            submissions.write(nb, scratch.path("submitted") / f"s{index:02d}-{kind}" / lab / name)
        first = next(iter(answers))
        dying = submissions.fill(released, {**answers, first: "import os\nos._exit(1)"})
        submissions.write(dying, scratch.path("submitted") / HOSTILE / lab / name)


def scores(root: Path) -> dict[tuple[str, str], float]:
    course = Course.load(root)
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {(s.student.id, s.assignment.name): s.score
                for a in gradebook.assignments for s in a.submissions}


def nbgrader_cell_time(root: Path) -> float:
    """Seconds nbgrader's kernels spent running cells (nbclient's timings in autograded/)."""
    return sum(cell_seconds(submissions.read(path))
               for path in (root / "autograded").glob("*/*/*.ipynb"))


def run_nbgrader(root: Path, labs: list[str]) -> tuple[float, float]:
    """Plain nbgrader: generate_assignment (records the source), then timed autograde and
    generate_feedback (acelabs grade writes feedback too). Returns both times."""
    nbgrader = [str(Path(sys.executable).parent / "nbgrader")]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for lab in labs:
        subprocess.run([*nbgrader, "generate_assignment", lab, "--force"], cwd=root, env=env,
                       check=True, capture_output=True)
    started = time.perf_counter()
    for lab in labs:
        subprocess.run([*nbgrader, "autograde", lab, "--force"], cwd=root, env=env,
                       capture_output=True)  # exits non-zero when a kernel dies: expected
    autograded = time.perf_counter() - started
    for lab in labs:
        subprocess.run([*nbgrader, "generate_feedback", lab, "--force"], cwd=root, env=env,
                       capture_output=True)
    return autograded, time.perf_counter() - started


def run_acelabs(root: Path, labs: list[str], jobs: int) -> tuple[float, float, float]:
    """Wall time, cell time (grade cells' judging included) and judging time alone."""
    course = Course.load(root)
    pipeline.release(course, labs)
    started = time.perf_counter()
    results = pipeline.grade(course, labs, jobs=jobs, force=True)
    elapsed = time.perf_counter() - started
    return (elapsed, sum(r.cell_seconds for r in results),
            sum(r.judge_seconds for r in results))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=6, help="students per lab (default 6)")
    parser.add_argument("--labs", nargs="*", help="labs (default: all in source/)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; medians are quoted")
    args = parser.parse_args()
    course = Course.load(Path.cwd())
    labs = course.select(args.labs)
    warnings.filterwarnings("ignore", category=SAWarning)
    plain, plain_feedback, ours, cells, their_cells, judged, agree = [], [], [], [], [], [], None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            build_class(course, Path(a), labs, args.students, stock=True)
            build_class(course, Path(b), labs, args.students)
            autograde_s, with_feedback_s = run_nbgrader(Path(a), labs)
            plain.append(autograde_s)
            plain_feedback.append(with_feedback_s)
            their_cells.append(nbgrader_cell_time(Path(a)))
            seconds, cell_time, judge_time = run_acelabs(Path(b), labs, args.jobs)
            ours.append(seconds)
            cells.append(cell_time)
            judged.append(judge_time)
            theirs, mine = scores(Path(a)), scores(Path(b))
            comparable = [k for k in mine if k[0] != HOSTILE]
            differ = [k for k in comparable if abs(mine[k] - theirs.get(k, -1)) > 1e-9]
            agree = (len(comparable) - len(differ), len(comparable), differ,
                     {k: mine[k] for k in mine if k[0] == HOSTILE},
                     {k: theirs.get(k) for k in mine if k[0] == HOSTILE})
    notebooks = (args.students + 1) * len(labs)
    plain_s, feedback_s, ours_s, cell_s, their_cell_s, judge_s = (
        statistics.median(x) for x in (plain, plain_feedback, ours, cells, their_cells, judged))
    print(f"class: {notebooks} notebooks ({args.students} students + 1 whose kernel dies) "
          f"x {len(labs)} labs; medians of {args.repeat} run(s); {os.cpu_count()} cores")
    for name, seconds in (("nbgrader autograde", plain_s),
                          ("nbgrader autograde+feedback", feedback_s),
                          (f"acelabs grade --jobs {args.jobs}", ours_s)):
        print(f"{name:<28}: {seconds:7.1f} s  ({seconds / notebooks:.2f} s/notebook)")
    print(f"{'throughput ratio':<28}: {plain_s / ours_s:.2f}x nbgrader autograde, "
          f"{feedback_s / ours_s:.2f}x autograde+feedback (acelabs grade includes feedback)")
    ideal = cell_s / args.jobs
    print(f"acelabs cell time {cell_s:.1f} s / {args.jobs} = {ideal:.1f} s; "
          f"acelabs overhead: {ours_s / ideal:.2f}x that")
    print(f"judging grade cells (the learner's calls included): {judge_s:.1f} s, "
          f"{judge_s / cell_s:.0%} of acelabs cell time")
    print(f"nbgrader cell time {their_cell_s:.1f} s (imports included: its kernels start cold); "
          f"/ {args.jobs} = {their_cell_s / args.jobs:.1f} s; acelabs wall time: "
          f"{ours_s / (their_cell_s / args.jobs):.2f}x that")
    same, total, differ, hostile_ours, hostile_theirs = agree
    print(f"scores identical for {same} of {total} submissions"
          + (f"; differ: {differ}" if differ else ""))
    print(f"kernel-death student: acelabs {hostile_ours}, nbgrader {hostile_theirs}")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
