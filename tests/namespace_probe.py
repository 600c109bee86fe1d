"""A learner whose helpers carry every name the grade cells use, to prove that grading leaves the
learner's namespace as it found it.

`probe` takes a lab's reference submission and adds two cells of the learner's own: one after the
setup that binds each name the lab's test cells bind (``_features``, ``_model``, ``_rng`` …) to a
marker, and one at the end that prints which markers changed. Graded, that notebook must get full
marks and print ``NAMESPACE UNCHANGED``.
"""

from __future__ import annotations

import ast
import copy
import re

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell

from autograde.judge import is_test_cell

UNCHANGED = "NAMESPACE UNCHANGED"
IPYTHON_OWN = re.compile(r"^(_+|_i+|_i?\d+|_(dh|ih|oh|sh|exit_code))$")
"""Names IPython itself rebinds after every cell (``_``, ``_i``, ``_3`` …): no probe there."""


def bound_names(source: str) -> set[str]:
    """Every name a piece of code binds at its top level or in its loops and blocks."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def test_cell_names(source_nb: NotebookNode) -> set[str]:
    """Names the source's test cells bind that no other cell of the reference binds."""
    tested = set().union(*(bound_names(c.source) for c in source_nb.cells if is_test_cell(c)))
    own = set().union(*(bound_names(c.source) for c in source_nb.cells
                        if c.cell_type == "code" and not is_test_cell(c)))
    return {name for name in tested - own if not IPYTHON_OWN.match(name)}


def probe(submission: NotebookNode, names: set[str]) -> NotebookNode:
    """``submission`` with the marker cells added (after its first code cell, and at the end)."""
    nb = copy.deepcopy(submission)
    listed = sorted(names)
    bind = new_code_cell(
        f"_probe_names = {listed!r}\n"
        "_probe_markers = {name: object() for name in _probe_names}\n"
        "globals().update(_probe_markers)")
    check = new_code_cell(
        "_probe_changed = [name for name, marker in _probe_markers.items()\n"
        "                  if globals().get(name) is not marker]\n"
        f"print({UNCHANGED!r} if not _probe_changed else f'CHANGED: {{_probe_changed}}')")
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first + 1, bind)
    nb.cells.append(check)
    return nb


def verdict(graded_nb: NotebookNode) -> str:
    """What the end cell printed in a graded probe notebook."""
    outputs = graded_nb.cells[-1].get("outputs", [])
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
