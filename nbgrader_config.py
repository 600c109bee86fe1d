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

# Bounds on each student's notebook run by `acelabs grade` (see autograde/sandbox.py).
c.Limits.notebook_seconds = 600  # wall time for the whole notebook, then it is stopped
c.Limits.memory_mb = 4096  # memory the notebook may take: each process's address space beyond
# the libraries its kernel starts with, and (where a memory cgroup can be made) the box's total
c.Limits.processes = 256  # tasks in the sandbox at once (where a pids cgroup can be made)
c.Limits.cpus = 1.0  # cores the sandbox may use between all its processes
c.Limits.output_bytes = 2_000_000  # output kept per notebook; the rest is dropped
c.Limits.file_mb = 256  # largest file the notebook may write

# A test cell a student deleted is put back and graded (nbgrader leaves it "needs manual grade").
c.OverwriteCells.add_missing_cells = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Feedback shows hidden tests' messages but not their code (see autograde/feedback.py).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "autograde.feedback.HideHiddenTests",
]
