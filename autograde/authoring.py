"""Build nbgrader source notebooks from code: the cell kinds a lab is made of.

Cells get stable ids derived from their grade id (or position), so regenerating a notebook,
and releasing it, gives byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbgrader(grade_id: str, *, grade: bool, solution: bool, locked: bool,
              points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(text: str, grade_id: str | None = None) -> NotebookNode:
    """Prose; locked (read-only in the student version) when given a grade id."""
    cell = new_markdown_cell(text.strip())
    if grade_id:
        cell.metadata = _nbgrader(grade_id, grade=False, solution=False, locked=True)
        cell.id = grade_id
    return cell


def code(source: str, grade_id: str | None = None) -> NotebookNode:
    """Given code; locked (read-only, restored at grading) when given a grade id."""
    cell = new_code_cell(source.strip())
    if grade_id:
        cell.metadata = _nbgrader(grade_id, grade=False, solution=False, locked=True)
        cell.id = grade_id
    return cell


def solution(source: str, grade_id: str) -> NotebookNode:
    """A cell the learner writes; ``### BEGIN/END SOLUTION`` marks what the release strips."""
    cell = new_code_cell(source.strip())
    cell.metadata = _nbgrader(grade_id, grade=False, solution=True, locked=False)
    cell.id = grade_id
    return cell


def tests(source: str, grade_id: str, points: float) -> NotebookNode:
    """A locked grade cell: visible asserts, then a ``### BEGIN HIDDEN TESTS`` block."""
    cell = new_code_cell(source.strip())
    cell.metadata = _nbgrader(grade_id, grade=True, solution=False, locked=True, points=points)
    cell.id = grade_id
    return cell


def notebook(cells: list[NotebookNode]) -> NotebookNode:
    """A Python 3 notebook of these cells, ids filled in where a cell has none of its own."""
    for index, cell in enumerate(cells):
        if "nbgrader" not in cell.metadata:
            cell.id = f"cell-{index:02d}"
    nb = new_notebook(cells=cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    return nb


def write(nb: NotebookNode, path: Path) -> None:
    """Store the notebook validated and without outputs (source notebooks never keep outputs)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
