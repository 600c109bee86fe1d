"""This repository is an nbgrader course: `nbgrader` and `acelabs` both read this file."""

import os

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = "ace-ml-labs"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# The gradebook: SQLite in the course root by default. For several graders at once use
# PostgreSQL, e.g. "postgresql://grader@localhost/acelabs".
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# nbgrader's exchange (release_assignment, fetch, submit, and the Assignment List in JupyterLab):
# a folder in the course by default, so it works on one machine without root. On a shared
# JupyterHub point it at the shared exchange, e.g. "/srv/nbgrader/exchange".
c.Exchange.root = os.path.join(c.CourseDirectory.root, "exchange")

# Execution: seconds one cell may run before it is interrupted and scored as an error.
c.Execute.timeout = 120

# Bounds on each student's notebook, however it is graded (see autograde/sandbox.py).
c.Limits.notebook_seconds = 600  # wall time for the whole notebook, then it is stopped
c.Limits.memory_mb = 4096  # memory the notebook may take: each process's address space beyond
# what its libraries reserve, and (where a memory cgroup can be made) the box's total
c.Limits.processes = 256  # tasks in the sandbox at once (where a pids cgroup can be made)
c.Limits.cpus = 1.0  # cores the sandbox may use between all its processes
c.Limits.output_bytes = 2_000_000  # output kept per notebook; the rest is dropped
c.Limits.file_mb = 256  # largest file the notebook may write
c.Limits.disk_mb = 1024  # size of a box's /tmp and /dev/shm, and of a cold box's folder
c.Limits.disk_files = 20_000  # files and folders a cold box's folder may hold (as root)

# Every way of grading this course runs student code in the sandbox, with the limits above:
# `nbgrader autograde` and formgrader's Autograde button execute each notebook through
# autograde.nbgrader_execute.SandboxedExecute instead of nbgrader's own Execute (which would run
# it in a kernel of the grader's, with the gradebook and source/ in view), and `acelabs grade`
# runs it in parallel in the same sandbox. The other steps are nbgrader 0.9's defaults.
c.Autograde.autograde_preprocessors = [
    "autograde.nbgrader_execute.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Pages that show student work (feedback, formgrader) run none of its script: outputs and
# Markdown are sanitized (scripts, event handlers, style sheets and javascript: links removed;
# tables, headings and images kept, see autograde/safe_html.py). Graded notebooks also lose
# every script-bearing output as soon as they have run (autograde/outputs.py).
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.filters = {
    "clean_html": "autograde.safe_html.clean_html",
    "markdown2html": "autograde.safe_html.SafeMarkdown",
}

# Test cells are judged outside the student's kernel (autograde/judge.py), so student code
# cannot forge a verdict. A lab listed here (hidden tests written for the kernel, as in plain
# nbgrader) has its test cells run there instead, behind autograde/guard.py, where a determined
# student can forge its verdict. Every lab of this course is judged.
c.Judge.in_kernel_labs = []

# A test cell a student deleted is put back and graded (nbgrader leaves it "needs manual grade").
c.OverwriteCells.add_missing_cells = True

# A submission holding a link or a FIFO, device or socket is refused before nbgrader reads any
# of it (a FIFO named like the notebook would hang the whole run): autograde/nbgrader_hooks.py.
# On a re-grade, nbgrader reads timestamp.txt before that hook: only a regular one is read.
from autograde.nbgrader_hooks import read_only_plain_timestamps, refuse_special_files  # noqa: E402

c.Autograde.pre_convert_hook = refuse_special_files
read_only_plain_timestamps()

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Feedback shows hidden tests' messages but not their code, each test cell under the question
# it grades with the question's first hint when it failed (see autograde/feedback.py) — the
# same page from `acelabs grade`, `nbgrader generate_feedback` and formgrader.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "autograde.feedback.HideHiddenTests",
    "autograde.feedback.QuestionFeedback",
]
c.GenerateFeedback.exporter_class = "autograde.feedback.FeedbackExporter"

# `nbgrader export` writes what `acelabs export` writes: nbgrader's columns, each row's status
# and reason, and no score for a submission that could not be graded (autograde/accounts.py).
c.ExportApp.plugin_class = "autograde.accounts.AccountedCsvExport"
