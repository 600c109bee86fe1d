"""Static promises of every lab: catalog, release, hints and proof files agree with source/."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from autograde import pipeline, submissions
from labs import catalog, check
from tests import check_verdicts, variants
from tests.conftest import REPO

LABS = catalog.ids()


def test_catalog_matches_source(course):
    assert course.labs() == LABS
    assert catalog.from_source(REPO) == catalog.labs(), (
        "labs/catalog.json differs from the source notebooks' metadata; run `acelabs release` "
        "(or `.venv/bin/python -m labs.catalog`) and commit it")


def test_a_lab_is_added_without_code(tmp_path):
    """A source notebook with its metadata is a lab; one without is refused by name."""
    for lab in ("01-regression-baseline", "20-experiments-and-ab-tests"):
        (tmp_path / "source" / lab).mkdir(parents=True)
    shutil.copy(REPO / "source" / "01-regression-baseline" / "01-regression-baseline.ipynb",
                tmp_path / "source" / "01-regression-baseline")
    nb = nbformat.read(str(REPO / "source" / "20-experiments-and-ab-tests" /
                           "20-experiments-and-ab-tests.ipynb"), as_version=4)
    nb.metadata["acelabs"]["title"] = "A lab written today"
    new = tmp_path / "source" / "21-new-lab"
    new.mkdir()
    nbformat.write(nb, str(new / "21-new-lab.ipynb"))
    found = catalog.from_source(tmp_path)
    assert [lab.id for lab in found] == ["01-regression-baseline", "21-new-lab"]
    assert found[1].title == "A lab written today" and found[1].minutes > 0
    del nb.metadata["acelabs"]["minutes"]
    nbformat.write(nb, str(new / "21-new-lab.ipynb"))
    with pytest.raises(catalog.CatalogError, match=r"21-new-lab\.ipynb.*minutes"):
        catalog.from_source(tmp_path)


@pytest.mark.parametrize("lab", LABS)
def test_source_notebook_is_clean(course, lab):
    nb = nbformat.read(str(course.path("source") / lab / f"{lab}.ipynb"), as_version=4)
    nbformat.validate(nb)
    dirty = [cell.id for cell in nb.cells
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count)]
    assert not dirty, f"source cells with saved outputs: {dirty}"


def test_release_is_in_sync(course):
    assert pipeline.release_differences(course) == []


def _secret_lines(nb) -> set[str]:
    """Distinctive lines of the solution and hidden-test blocks that the source shows nowhere else.

    A line an author also wrote outside the blocks (a visible check's message, an import) is
    shown on purpose; only what the blocks alone hold must stay out of the release.
    """
    blocks = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.DOTALL)
    hidden, shown = set(), []
    for cell in nb.cells:
        for _, body in blocks.findall(cell.source):
            hidden |= {line.strip() for line in body.splitlines() if len(line.strip()) > 25}
        shown.append(blocks.sub("", cell.source))
    shown_text = "\n".join(shown)
    return {line for line in hidden if line not in shown_text}


@pytest.mark.parametrize("lab", LABS)
def test_release_hides_solutions_and_hidden_tests(course, lab):
    source = nbformat.read(str(course.path("source") / lab / f"{lab}.ipynb"), as_version=4)
    secrets = _secret_lines(source)
    assert secrets, "the source has no solution or hidden-test blocks"
    released_files = [p for p in (course.path("release") / lab).rglob("*") if p.is_file()]
    assert released_files
    for path in released_files:
        text = path.read_text(errors="replace")
        assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text, path
        released = text.replace("\\n", "\n").replace('\\"', '"')
        leaked = sorted(line for line in secrets if line in released)
        assert not leaked, f"{path.name} shows solution or hidden-test lines: {leaked[:3]}"


@pytest.mark.parametrize("lab", LABS)
def test_every_question_has_hints(course, lab):
    source = submissions.read(course.path("source") / lab / f"{lab}.ipynb")
    questions = set(submissions.solution_cells(source))
    hints = check.hints_for(lab)
    assert questions <= set(hints), f"no hints for {sorted(questions - set(hints))}"
    assert all(1 <= len(h) <= 3 for h in hints.values())


@pytest.mark.parametrize("lab", LABS)
def test_lab_ships_its_proof(course, lab):
    found = variants.for_lab(lab)
    wrong = [v for v in found if v.is_wrong]
    assert len(wrong) >= 3 and len(found) - len(wrong) >= 1, "need ≥ 3 wrong and ≥ 1 alternative"
    source = submissions.read(course.path("source") / lab / f"{lab}.ipynb")
    questions = set(submissions.solution_cells(source))
    for v in found:
        assert set(v.cells) <= questions, f"{v.name} replaces unknown cells"
        assert v.description, f"{v.name} does not say what it does"
        assert bool(v.loses) == v.is_wrong, f"{v.name}: only wrong solutions name what they lose"


def test_readme_lists_exactly_the_labs():
    readme = (REPO / "README.md").read_text()
    listed = re.findall(r"^\| (\d\d-[a-z0-9-]+) \|", readme, re.MULTILINE)
    assert listed == LABS


@pytest.mark.parametrize("lab", LABS)
def test_no_dollar_sign_turns_into_math(course, lab):
    """JupyterLab renders the text between two dollar signs as TeX, backslash or not: a dollar
    amount is written ``&#36;``."""
    for kind in ("source", "release"):
        nb = nbformat.read(str(course.path(kind) / lab / f"{lab}.ipynb"), as_version=4)
        found = [cell.source[max(0, m.start() - 20):m.end() + 20]
                 for cell in nb.cells if cell.cell_type == "markdown"
                 for m in re.finditer(r"\$", cell.source)]
        assert not found, f"{kind}/{lab}: dollar signs in Markdown: {found}"


@pytest.mark.parametrize("lab", LABS)
def test_check_excuses_name_real_solutions(lab):
    wrong = {v.name for v in variants.for_lab(lab) if v.is_wrong}
    stale = {key for key in check_verdicts.exceptions(lab) if key.split(":")[0] not in wrong}
    assert not stale, f"CHECKS.toml excuses solutions that do not exist: {sorted(stale)}"
