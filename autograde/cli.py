"""`acelabs`: the course's command line (release, grade, export, demo)."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning

from autograde import AcelabsError, demo, pipeline, sandbox
from autograde.course import Course
from autograde.executors import DaskCluster, InProcess, LocalProcess
from labs import catalog, data

EXECUTORS = {"local": LocalProcess, "in-process": InProcess}


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _release(args: argparse.Namespace) -> int:
    course = Course.load(args.course)
    if args.check:
        differences = pipeline.release_differences(course, args.labs)
        if differences:
            print("release/ is out of date with source/; run `acelabs release`. Differs:")
            print("\n".join(f"  {path}" for path in differences))
            return 1
        print("release/ is in sync with source/")
        return 0
    for name in pipeline.release(course, args.labs):
        print(f"released {name} -> {course.path('release') / name}")
    return 0


def _cluster_threads(cluster: DaskCluster) -> int:
    workers = cluster.client.scheduler_info().get("workers", {})
    return max(1, sum(w.get("nthreads", 1) for w in workers.values()))


def _warn_if_unsandboxed() -> None:
    if message := sandbox.warning():
        print(f"acelabs: WARNING: {message}", file=sys.stderr)


def _grade(args: argparse.Namespace) -> int:
    course = Course.load(args.course)
    _warn_if_unsandboxed()
    if args.submissions and not args.submissions.is_dir():
        raise AcelabsError(f"no submissions directory at {args.submissions}")
    if args.scheduler:
        executor = DaskCluster(args.scheduler)
        jobs = args.jobs or _cluster_threads(executor)
    else:
        executor, jobs = EXECUTORS[args.executor](), args.jobs or os.cpu_count() or 1
    try:
        results = pipeline.grade(course, [args.lab] if args.lab else None, args.submissions,
                                 jobs=jobs, executor=executor, progress=True, force=args.force)
    finally:
        if isinstance(executor, DaskCluster):
            executor.close()
    if not results:
        raise AcelabsError("no submissions to grade (expected submitted/<student>/<lab>/)")
    print(pipeline.summary_table(results))
    return 0 if all(r.graded for r in results) else 1


def _export(args: argparse.Namespace) -> int:
    course = Course.load(args.course)
    print(f"wrote {pipeline.export(course, args.to)}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    course = Course.load(args.course)
    _warn_if_unsandboxed()
    demo.run(course, args.out.resolve(), args.labs)
    return 0


class _OneLineErrors(argparse.ArgumentParser):
    """Usage mistakes as one line, like every other error of this CLI."""

    def error(self, message: str) -> None:
        self.exit(2, f"acelabs: error: {message} (see `acelabs --help`)\n")


def parser() -> argparse.ArgumentParser:
    top = _OneLineErrors(
        prog="acelabs", description="Ace ML Labs: release, grade and export the course's labs.")
    top.add_argument("--course", type=Path, default=Path("."),
                     help="the nbgrader course directory (default: the current one)")
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB",
                               parser_class=_OneLineErrors)

    release = verbs.add_parser("release", help="generate the student versions into release/")
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
                       help="local: a process per notebook (default); in-process: for debugging")
    grade.set_defaults(run=_grade)

    export = verbs.add_parser("export", help="write every grade to a CSV file")
    export.add_argument("--to", type=Path, default=Path("grades.csv"), help="default: grades.csv")
    export.set_defaults(run=_export)

    run_demo = verbs.add_parser("demo", help="release, grade sample submissions, write feedback")
    run_demo.add_argument("labs", nargs="*", metavar="LAB", help="lab ids (default: all)")
    run_demo.add_argument("--out", type=Path, default=Path("demo"),
                          help="scratch course directory (default: ./demo, replaced)")
    run_demo.set_defaults(run=_demo)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader's own session noise
    try:
        return args.run(args)
    except (AcelabsError, catalog.UnknownLabError, data.UnknownDatasetError, OSError) as error:
        print(f"acelabs: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("acelabs: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
