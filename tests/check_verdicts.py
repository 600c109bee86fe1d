"""What ``check`` says about each of a lab's solutions, asked in the lab proof's grading run.

The lab proof (tests/test_labs.py) appends to each notebook it grades one cell per question it
wants a verdict on; after the whole notebook ran, each asks ``check`` and prints the verdict, as
a learner who runs ``check`` at the end would see it. No notebook runs a second time.

tests/labs/<lab>/CHECKS.toml lists the wrong solutions whose loss a visible check cannot tell
before grading, each with the reason (``[exceptions]``, solution name = reason; "name:q2" for one
of its questions).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode

from tests import variants

_MARK = "ACELABS-VERDICTS:"


@dataclass(frozen=True)
class Verdict:
    state: str
    message: str


def exceptions(lab: str) -> dict[str, str]:
    """Wrong solution → why no visible check can tell it, from tests/labs/<lab>/CHECKS.toml."""
    path = variants.LABS_DIR / lab / "CHECKS.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return dict(tomllib.load(handle).get("exceptions", {}))


def questions(nb: NotebookNode) -> list[str]:
    """Every graded question of a notebook (q1, q3, c1 …), in order."""
    found: list[str] = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            question = meta["grade_id"].split("_")[0]
            if question not in found:
                found.append(question)
    return found


def with_verdict_cells(nb: NotebookNode, lab: str, wanted: list[str]) -> NotebookNode:
    """``nb`` with one cell per question of ``wanted`` appended, each printing ``check``'s
    verdict on the kernel's variables after the whole notebook ran — as a learner who runs
    ``check`` at the end sees it. The visible tests travel in the cell (a kernel in the
    grader's sandbox cannot read release/); plain cells, which nbgrader keeps and runs."""
    from labs import check

    for question in wanted:
        sources = check.visible_tests(question, lab)
        nb.cells.append(nbformat.v4.new_code_cell(
            "import json as _acelabs_json\nfrom labs import check as _acelabs_check\n"
            f"_acelabs_verdict = _acelabs_check.evaluate({question!r}, get_ipython().user_ns, "
            f"{lab!r}, sources={sources!r})\n"
            f"print({_MARK!r} + _acelabs_json.dumps([{question!r}, _acelabs_verdict.state, "
            "_acelabs_verdict.message]))\ndel _acelabs_verdict"))
    return nb


def printed_verdicts(nb: NotebookNode) -> dict[str, Verdict]:
    """The verdicts the cells of ``with_verdict_cells`` printed in an executed notebook; a cell
    that printed none (stopped, or its kernel gone) is missing."""
    found = {}
    for cell in nb.cells:
        text = "".join(o.get("text", "") for o in cell.get("outputs", [])
                       if o.get("output_type") == "stream")
        for line in re.findall(re.escape(_MARK) + r"(.*)", text):
            question, state, message = json.loads(line)
            found[question] = Verdict(state, message)
    return found


def lost_questions(variant: variants.Variant) -> list[str]:
    """The questions whose grade cells the variant's ``loses:`` line names."""
    return sorted({cell.split("_")[0] for cell in variant.loses})
