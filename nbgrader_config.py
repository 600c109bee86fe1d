"""This repository is an nbgrader course: `nbgrader` and `acelabs` both read this file."""

import os

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = "ace-ml-labs"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# The gradebook: SQLite in the course root by default. For several graders at once use
# PostgreSQL, e.g. "postgresql://grader@localhost/acelabs".
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# Execution: seconds one cell may run before it is interrupted and scored as an error.
c.Execute.timeout = 120

# A test cell a student deleted is put back and graded (nbgrader leaves it "needs manual grade").
c.OverwriteCells.add_missing_cells = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Feedback shows hidden tests' messages but not their code (see autograde/feedback.py).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "autograde.feedback.HideHiddenTests",
]
