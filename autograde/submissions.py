"""Student notebooks made from a release: filled with the source's solutions or with other code.

The demo uses this to make sample submissions and the tests use it to apply wrong and
alternative solutions, so both exercise exactly what a student hands in: the release notebook
with its solution cells edited.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode

_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.MULTILINE)


def solution_cells(nb: NotebookNode) -> dict[str, NotebookNode]:
    """The cells a student writes in, by grade id."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def reference_answers(source_nb: NotebookNode) -> dict[str, str]:
    """What a student who wrote the reference solution would have in each solution cell."""
    return {grade_id: _MARKERS.sub("", cell.source).strip()
            for grade_id, cell in solution_cells(source_nb).items()}


def fill(release_nb: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of the release notebook with the given solution cells replaced."""
    nb = copy.deepcopy(release_nb)
    cells = solution_cells(nb)
    unknown = set(answers) - set(cells)
    if unknown:
        raise KeyError(f"no solution cell named {', '.join(sorted(unknown))}")
    for grade_id, text in answers.items():
        cells[grade_id].source = text
    return nb


def grade_cell_errors(nb: NotebookNode) -> dict[str, NotebookNode]:
    """The last error output of every grade cell that raised, by grade id, in an executed
    notebook (what cost the student that cell's points)."""
    found = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if grade_id and errors:
            found[grade_id] = errors[-1]
    return found


def read(path: Path) -> NotebookNode:
    return nbformat.read(str(path), as_version=4)


def write(nb: NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
