"""`acelabs`: the course's command line, for learners (list, start, lab, check, hint, interview,
progress) and instructors (release, grade, export, report, demo).

Each verb imports what it uses when it runs: nbgrader, pandas, scikit-learn and the grading
engine take seconds to import, and `--help`, `list`, `hint` and `progress` need none of them
(benchmarks/verb_startup.py times them). Learner verbs find the course and the workspace from
wherever the learner stands (``labs.places``); instructor verbs work on ``--course`` (default:
the current directory).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from autograde import AcelabsError
from labs import catalog, places, progress

if TYPE_CHECKING:
    from autograde.course import Course
    from autograde.executors import DaskCluster

EXECUTORS = {"local": "WarmPool", "cold": "LocalProcess", "in-process": "InProcess"}
"""``--executor`` choices: the class of ``autograde.executors`` each one names."""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _quiet_gradebook() -> None:
    """Hide nbgrader's own SQLAlchemy session warnings (imported only by verbs that grade)."""
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)


def _instructor_course(args: argparse.Namespace) -> Course:
    """The course ``--course`` names, default the current directory."""
    from autograde.course import Course

    _quiet_gradebook()
    return Course.load(args.course or Path("."))


def _learner_course(args: argparse.Namespace, near: Path | None = None) -> Course:
    """The course ``--course`` names, else the one holding ``near`` (default: where the learner
    stands), else the package's own."""
    from autograde.course import Course

    _quiet_gradebook()
    return Course.load(args.course or places.course_root(near))


def _workspace(args: argparse.Namespace) -> Path:
    """The workspace ``--dir`` names, else the one the learner stands in (``labs.places``)."""
    return args.dir if args.dir is not None else places.workspace()


def _release(args: argparse.Namespace) -> int:
    from autograde import pipeline

    course = _instructor_course(args)
    if args.check:
        differences = pipeline.release_differences(course, args.labs)
        if differences:
            print("release/ is out of date with source/; run `acelabs release`. Differs:")
            print("\n".join(f"  {path}" for path in differences))
            return 1
        print("release/ is in sync with source/")
        return 0
    from autograde import references

    _warn_if_unsandboxed()
    labs = course.select(args.labs)
    refused = references.shortfalls(course, labs, jobs=os.cpu_count())
    for shortfall in refused:
        print(f"acelabs: not released: {shortfall}", file=sys.stderr)
    ready = [lab for lab in labs if lab not in {s.lab for s in refused}]
    for name in pipeline.release(course, ready, progress=True) if ready else ():
        print(f"released {name} -> {course.path('release') / name}")
    if course.root.resolve() == places.PACKAGE_COURSE:  # the labs this package's verbs know
        print(f"catalog -> {catalog.write(course.root)}")
    return 1 if refused else 0


def _cluster_threads(cluster: DaskCluster) -> int:
    workers = cluster.client.scheduler_info().get("workers", {})
    return max(1, sum(w.get("nthreads", 1) for w in workers.values()))


def _warn_if_unsandboxed() -> None:
    from autograde import sandbox

    for message in sandbox.alerts():
        print(f"acelabs: WARNING: {message}", file=sys.stderr)


def _grade(args: argparse.Namespace) -> int:
    from autograde import executors, pipeline

    course = _instructor_course(args)
    _warn_if_unsandboxed()
    if args.submissions and not args.submissions.is_dir():
        raise AcelabsError(f"no submissions directory at {args.submissions}")
    if args.scheduler:
        executor = executors.DaskCluster(args.scheduler)
        jobs = args.jobs or _cluster_threads(executor)
    else:
        executor = getattr(executors, EXECUTORS[args.executor])()
        jobs = args.jobs or os.cpu_count() or 1
    try:
        results = pipeline.grade(course, [args.lab] if args.lab else None, args.submissions,
                                 jobs=jobs, executor=executor, progress=True, force=args.force)
    finally:
        if hasattr(executor, "close"):
            executor.close()
    if not results:
        raise AcelabsError("no submissions to grade (expected submitted/<student>/<lab>/)")
    print(pipeline.summary_table(results))
    return 0 if all(r.graded for r in results) else 1


def _export(args: argparse.Namespace) -> int:
    from autograde import pipeline

    course = _instructor_course(args)
    to = args.to or course.root / "grades.csv"
    print(f"wrote {pipeline.export(course, to)}")
    canvas = to.with_name(f"{to.stem}-canvas{to.suffix or '.csv'}")
    print(f"wrote {pipeline.export_canvas(course, canvas)}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from autograde import report

    course = _instructor_course(args)
    print(f"wrote {report.write(course, args.out or course.root / 'reports' / 'cohort.html')}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from autograde import demo

    course = _instructor_course(args)
    _warn_if_unsandboxed()
    demo.run(course, args.out.resolve(), args.labs)
    return 0


def _record_of(workspace: Path) -> Path:
    return workspace / progress.MARKER / progress.DB_NAME


def _list(args: argparse.Namespace) -> int:
    done = progress.summary(_record_of(_workspace(args)))
    for lab in catalog.labs():
        status = f"  [{done[lab.id].status}]" if lab.id in done and done[lab.id].status else ""
        print(f"{lab.id:<32} {lab.minutes:>3} min  {lab.title}{status}")
        print(textwrap.fill(", ".join(lab.concepts), width=96, initial_indent=" " * 4,
                            subsequent_indent=" " * 4))
    return 0


def _launch_lab(workspace: Path, no_browser: bool, open_path: str | None = None) -> int:
    """Run JupyterLab on the workspace until the learner stops it."""
    command = [str(Path(sys.prefix) / "bin" / "jupyter"), "lab",
               f"--ServerApp.root_dir={workspace.resolve()}"]
    if no_browser:
        command.append("--no-browser")
    if os.geteuid() == 0:  # a container's root user; Jupyter refuses otherwise
        command.append("--allow-root")
    if open_path:
        command.append(f"--LabApp.default_url=/lab/tree/{open_path}")
    print(f"JupyterLab on {workspace.resolve()} (Ctrl-C stops it)", flush=True)
    return subprocess.call(command)


def _start(args: argparse.Namespace) -> int:
    from autograde import learner

    course, workspace = _learner_course(args), _workspace(args)
    notebook = learner.start(course, args.lab, workspace)
    print(f"copied {catalog.get(args.lab).id} to {notebook}")
    if args.copy_only:
        return 0
    return _launch_lab(workspace, args.no_browser, notebook.relative_to(workspace).as_posix())


def _lab(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    if not workspace.is_dir():
        raise AcelabsError(f"no workspace at {workspace}; `acelabs start LAB` makes one")
    return _launch_lab(workspace, args.no_browser)


def _check(args: argparse.Namespace) -> int:
    from autograde import learner

    near = args.notebook.parent if args.notebook.parent.is_dir() else None
    course = _learner_course(args, near)
    _warn_if_unsandboxed()
    report = learner.self_check(course, args.notebook, args.lab)
    print(learner.format_report(report))
    return 0 if report.problem is None else 1


def _interview(args: argparse.Namespace) -> int:
    from autograde import interview

    course, workspace = _learner_course(args), _workspace(args)
    notebook = interview.start(course, workspace, args.seed, args.minutes)
    print(f"mock interview: {notebook} ({args.minutes} minutes from now)")
    print(f"when done: acelabs check {notebook}")
    if args.copy_only:
        return 0
    return _launch_lab(workspace, args.no_browser, notebook.relative_to(workspace).as_posix())


def _hint(args: argparse.Namespace) -> int:
    from labs import check

    lab = catalog.get(args.lab).id
    hints = check.hints_for(lab)
    if args.question not in hints:
        raise AcelabsError(f"no question {args.question!r} in {lab}; questions: "
                           f"{', '.join(hints)}")
    shown = hints[args.question][: args.level]
    for number, text in enumerate(shown, 1):
        print(f"Hint {number}/{len(hints[args.question])} for {args.question}: {text}")
    progress.record(lab, args.question, "hint", outcome=str(len(shown)),
                    workspace_db=progress.find(_workspace(args)))
    return 0


def _grade_of(p: progress.LabProgress) -> str:
    return f"{p.best_score:g}/{p.max_score:g}" if p.best_score is not None else "-"


def _progress(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    done = progress.summary(_record_of(workspace))
    if not done:
        print(f"nothing recorded in {workspace} yet (`acelabs start LAB` begins a lab)")
        return 0
    print(f"workspace: {workspace}")
    columns = f"{'checks':>6} {'hints':>6} {'solutions':>9}"
    labs = [done[lab.id] for lab in catalog.labs() if lab.id in done]
    if labs:
        print(f"{'lab':<32} {columns}  grade")
    for p in labs:
        print(f"{p.lab:<32} {p.checks:>6} {p.hints:>6} {p.solutions:>9}  {_grade_of(p)}")
    interviews = [p for name, p in sorted(done.items()) if name.startswith("interview")]
    if interviews:
        print(f"{'mock interview':<32} {columns}  score  time (of the best score)")
    for p in interviews:
        print(f"{p.lab:<32} {p.checks:>6} {p.hints:>6} {p.solutions:>9}  {_grade_of(p):<5}  "
              f"{p.best_outcome.removeprefix('time: ') or '-'}")
    return 0


class _OneLineErrors(argparse.ArgumentParser):
    """Usage mistakes as one line, like every other error of this CLI."""

    def error(self, message: str) -> None:
        self.exit(2, f"acelabs: error: {message} (see `acelabs --help`)\n")


def parser() -> argparse.ArgumentParser:
    top = _OneLineErrors(
        prog="acelabs",
        description="Ace ML Labs: work through the labs (list, start, lab, check, hint, "
                    "interview, progress); release, grade, export and report on them "
                    "(release, grade, export, report, demo).")
    top.add_argument("--course", type=Path,
                     help="the nbgrader course directory (default: the current one; for "
                          "learner verbs, the course you are in, or this package's own)")
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB",
                               parser_class=_OneLineErrors)

    workspace = argparse.ArgumentParser(add_help=False)
    workspace.add_argument("--dir", type=Path,
                           help="the learner's workspace (default: the one you are in, or the "
                                "course's work/)")

    listing = verbs.add_parser("list", parents=[workspace],
                               help="the labs in order, with your progress")
    listing.set_defaults(run=_list)

    start = verbs.add_parser("start", parents=[workspace],
                             help="copy a lab into your workspace and open it in JupyterLab")
    start.add_argument("lab", metavar="LAB", help="lab id or number, e.g. 04")
    start.add_argument("--no-browser", action="store_true",
                       help="start JupyterLab without opening a browser; it prints the URL")
    start.add_argument("--copy-only", action="store_true", help="copy, do not start JupyterLab")
    start.set_defaults(run=_start)

    lab = verbs.add_parser("lab", parents=[workspace], help="open JupyterLab on your workspace")
    lab.add_argument("--no-browser", action="store_true",
                     help="start JupyterLab without opening a browser; it prints the URL")
    lab.set_defaults(run=_lab)

    self_check = verbs.add_parser("check",
                                  help="grade one notebook with the hidden tests, with hints")
    self_check.add_argument("notebook", type=Path, metavar="NOTEBOOK")
    self_check.add_argument("--lab", help="the lab it must be (default: the one it names)")
    self_check.set_defaults(run=_check)

    mock = verbs.add_parser("interview", parents=[workspace],
                            help="a timed mock interview: one coding task, concept questions")
    mock.add_argument("--minutes", type=_positive, default=45, help="the time limit (45)")
    mock.add_argument("--seed", type=int, help="draw this interview again (default: random)")
    mock.add_argument("--no-browser", action="store_true",
                      help="start JupyterLab without opening a browser; it prints the URL")
    mock.add_argument("--copy-only", action="store_true", help="write it, do not start JupyterLab")
    mock.set_defaults(run=_interview)

    hint = verbs.add_parser("hint", parents=[workspace], help="the hints of one question")
    hint.add_argument("lab", metavar="LAB")
    hint.add_argument("question", metavar="QUESTION", help="e.g. q2 or c1")
    hint.add_argument("--level", type=_positive, default=1,
                      help="how many of the question's hints to show (default: 1)")
    hint.set_defaults(run=_hint)

    show_progress = verbs.add_parser("progress", parents=[workspace],
                                     help="your checks, hints, solutions and grades per lab")
    show_progress.set_defaults(run=_progress)

    release = verbs.add_parser(
        "release", help="generate the student versions into release/, refusing a lab whose "
                        "reference solution loses points")
    release.add_argument("labs", nargs="*", metavar="LAB", help="lab ids (default: all)")
    release.add_argument("--check", action="store_true",
                         help="fail, naming each file, if release/ differs from a fresh release")
    release.set_defaults(run=_release)

    grade = verbs.add_parser("grade",
                             help="autograde submitted/<student>/<lab>/ and write feedback")
    grade.add_argument("--lab", help="grade only this lab")
    grade.add_argument("--submissions", type=Path,
                       help="read submissions from DIR/<student>/<lab>/ instead of submitted/")
    grade.add_argument("--force", action="store_true",
                       help="regrade submissions already graded and unchanged since")
    grade.add_argument("--jobs", "-j", type=_positive,
                       help="notebooks run at once (default: the cores here, or the cluster's "
                            "worker threads)")
    grade.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="run notebooks on this Dask cluster instead of here")
    grade.add_argument("--executor", choices=sorted(EXECUTORS), default="local",
                       help="local: kernels forked from warm sandboxed interpreters (default); "
                       "cold: a fresh process and kernel per notebook; in-process: for debugging")
    grade.set_defaults(run=_grade)

    export = verbs.add_parser(
        "export", help="write every grade to a CSV file, and a Canvas-style one beside it")
    export.add_argument("--to", type=Path,
                        help="default: grades.csv (and grades-canvas.csv) in the course")
    export.set_defaults(run=_export)

    cohort = verbs.add_parser("report", help="write the cohort report: one HTML file")
    cohort.add_argument("--out", type=Path,
                        help="default: reports/cohort.html in the course")
    cohort.set_defaults(run=_report)

    run_demo = verbs.add_parser("demo", help="release, grade sample submissions, write feedback")
    run_demo.add_argument("labs", nargs="*", metavar="LAB", help="lab ids (default: all)")
    run_demo.add_argument("--out", type=Path, default=Path("demo"),
                          help="scratch course directory (default: ./demo): a new or empty "
                               "folder, or one an earlier demo made, which is replaced; never "
                               "the course or a workspace")
    run_demo.set_defaults(run=_demo)
    for verb in verbs.choices.values():  # `--course` also after the verb, as users type it
        verb.add_argument("--course", type=Path, default=argparse.SUPPRESS,
                          help="the nbgrader course directory (as before the verb)")
    return top


def _one_line_errors() -> tuple[type[BaseException], ...]:
    """The errors reported as one line. A data set error can only come from ``labs.data``,
    which imports pandas, so it is looked up only where a verb has loaded that module."""
    kinds: list[type[BaseException]] = [AcelabsError, catalog.UnknownLabError, OSError]
    if (data := sys.modules.get("labs.data")) is not None:
        kinds.append(data.UnknownDatasetError)
    return tuple(kinds)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except _one_line_errors() as error:
        print(f"acelabs: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("acelabs: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
