"""What ``check`` says about each of a lab's solutions, in one kernel per lab.

The release notebook filled with the reference solution runs once, top to bottom (test and
``check`` cells skipped: ``check`` runs the visible tests itself). Then, for each solution of
tests/labs/<lab>/, only what it changes runs again — its solution cells, the given cells after
each up to the next question, and the reference cells of the questions it loses that come
later — and ``check`` judges the questions its ``loses:`` line names; the same cells then run
again with the reference, to restore the kernel for the next one. No variant notebook is
executed a second time (the lab proof grades each once).

tests/labs/<lab>/CHECKS.toml lists the wrong solutions whose loss a visible check cannot tell
before grading, each with the reason (``[exceptions]``, solution name = reason; "name:q2" for one
of its questions).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

from autograde import submissions
from tests import variants

REPO = Path(__file__).resolve().parents[1]
_MARK = "ACELABS-VERDICTS:"


# A wrong solution may patch the libraries (np.mean, sklearn.metrics): every attribute of the
# numeric packages' modules is put back after it, so the next solution meets them unpatched.
_PACKAGES = ("numpy", "pandas", "scipy", "sklearn")
_SNAPSHOT = ("import sys as _acelabs_sys\n_acelabs_modules = {_n: dict(vars(_m)) for _n, _m in "
             "list(_acelabs_sys.modules.items()) if _m is not None and _n.split('.')[0] in "
             f"{_PACKAGES!r}}}")
_RESTORE = ("for _n, _saved in _acelabs_modules.items():\n"
            "    _m = _acelabs_sys.modules.get(_n)\n"
            "    for _k, _v in _saved.items():\n"
            "        if _m is not None and getattr(_m, _k, None) is not _v:\n"
            "            setattr(_m, _k, _v)\n"
            "del _acelabs_modules")


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


def _kind(cell: NotebookNode) -> str:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if cell.cell_type != "code":
        return "text"
    if meta.get("solution"):
        return "solution"
    if meta.get("grade") or cell.source.lstrip().startswith("check("):
        return "test"
    return "given"


class LabKernel:
    """One kernel holding a lab's reference run; ``verdicts`` and ``try_variant`` ask it."""

    def __init__(self, lab: str, workdir: Path) -> None:
        self.lab = lab
        release = submissions.read(REPO / "release" / lab / f"{lab}.ipynb")
        source = submissions.read(REPO / "source" / lab / f"{lab}.ipynb")
        self.reference = submissions.reference_answers(source)
        self.nb = submissions.fill(release, self.reference)
        self.kinds = [_kind(cell) for cell in self.nb.cells]
        self.ids = [cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                    for cell in self.nb.cells]
        self.client = NotebookClient(self.nb, timeout=900, kernel_name="python3",
                                     allow_errors=True,
                                     resources={"metadata": {"path": str(workdir)}})

    def __enter__(self) -> LabKernel:
        self._context = self.client.setup_kernel()
        self._context.__enter__()
        for index, kind in enumerate(self.kinds):
            if kind in ("given", "solution"):
                errors = self._run(self.nb.cells[index].source)
                assert not errors, f"{self.lab}: the reference's cell {index} raised: {errors}"
        return self

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)

    def _run(self, source: str) -> list[str]:
        cell = nbformat.v4.new_code_cell(source)
        self.client.execute_cell(cell, 0)
        return [f"{o['ename']}: {o['evalue']}"[:300] for o in cell.outputs
                if o.get("output_type") == "error"]

    def verdicts(self, wanted: list[str]) -> dict[str, Verdict]:
        """``check``'s verdict on each question, on the kernel's variables as they are."""
        code = ("import json as _acelabs_json\nfrom labs import check as _acelabs_check\n"
                f"print({_MARK!r} + _acelabs_json.dumps({{_q: [_v.state, _v.message] for _q in "
                f"{wanted!r} for _v in [_acelabs_check.evaluate(_q, get_ipython().user_ns, "
                f"{self.lab!r})]}}))")
        cell = nbformat.v4.new_code_cell(code)
        self.client.execute_cell(cell, 0)
        text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        found = re.search(re.escape(_MARK) + r"(.*)", text)
        assert found, f"{self.lab}: no verdicts printed: {cell.outputs}"
        return {q: Verdict(*pair) for q, pair in json.loads(found.group(1)).items()}

    def _section(self, start: int) -> list[int]:
        """A solution cell and the given cells after it, up to the next solution cell."""
        section = [start]
        for index in range(start + 1, len(self.kinds)):
            if self.kinds[index] == "solution":
                break
            if self.kinds[index] == "given":
                section.append(index)
        return section

    def try_variant(self, variant: variants.Variant, wanted: list[str]) -> dict[str, Verdict]:
        """``check``'s verdicts with ``variant``'s cells in place, then the reference again."""
        position = {grade_id: i for i, grade_id in enumerate(self.ids)
                    if self.kinds[i] == "solution"}
        changed = [position[grade_id] for grade_id in variant.cells]
        later = [position[q] for q in wanted
                 if q in position and q not in variant.cells and position[q] > min(changed)]
        cells = sorted({i for start in changed + later for i in self._section(start)})
        self._run(_SNAPSHOT)
        for index in cells:
            self._run(variant.cells.get(self.ids[index], self.nb.cells[index].source))
        try:
            return self.verdicts(wanted)
        finally:
            for index in cells:
                self._run(self.nb.cells[index].source)
            self._run(_RESTORE)


def lost_questions(variant: variants.Variant) -> list[str]:
    """The questions whose grade cells the variant's ``loses:`` line names."""
    return sorted({cell.split("_")[0] for cell in variant.loses})
