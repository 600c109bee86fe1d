"""Every lab proves itself through nbgrader's real grading path.

The source notebook gets full marks; the released notebook scores 0 everywhere; each wrong
solution in tests/labs/<lab>/ loses exactly the points of the questions it names, and each
alternative solution gets full marks. One scratch course per lab grades them all at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from autograde import judge, submissions
from labs import catalog
from tests import namespace_probe, variants
from tests.conftest import failure_messages, grade_class

LABS = catalog.ids()
PROBE = "alt_namespace_probe"  # the reference, with helpers named like every test cell's names
VARIANTS = [v for lab in LABS for v in variants.for_lab(lab)]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def graded(course, tmp_path_factory):
    """Per-cell scores of every student of a lab, graded once per lab and session."""
    cache: dict[str, dict] = {}
    workdirs: dict[str, Path] = {}

    def scores_of(lab: str) -> dict:
        if lab not in cache:
            name = f"{lab}.ipynb"
            source = submissions.read(course.path("source") / lab / name)
            released = submissions.read(course.path("release") / lab / name)
            reference = submissions.reference_answers(source)
            notebooks = {"source": source, "released": released,
                         PROBE: namespace_probe.probe(
                             submissions.fill(released, reference),
                             namespace_probe.test_cell_names(source))}
            for variant in variants.for_lab(lab):
                notebooks[variant.name] = submissions.fill(released, {**reference, **variant.cells})
            workdirs[lab] = tmp_path_factory.mktemp(lab)
            cache[lab] = grade_class(course, workdirs[lab], lab, notebooks)
        return cache[lab]

    scores_of.failures = lambda lab, student: failure_messages(workdirs[lab], lab, student)
    scores_of.graded_notebook = lambda lab, student: submissions.read(
        workdirs[lab] / "autograded" / student / lab / f"{lab}.ipynb")
    return scores_of


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS])
def test_source_gets_full_marks(graded, lab):
    scores = graded(lab)["source"]
    assert scores, "no grade cells"
    missing = {cell: s for cell, s in scores.items() if s[0] != s[1]}
    assert not missing, (f"the reference solution loses points: {missing}; "
                         f"errors: {graded.failures(lab, 'source')}")


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS])
def test_release_scores_zero(graded, lab):
    earned = {cell: s for cell, s in graded(lab)["released"].items() if s[0] != 0}
    assert not earned, f"the untouched student version earns points: {earned}"


@pytest.mark.parametrize("variant", [pytest.param(v, id=f"{v.lab}-{v.name}",
                                                  marks=pytest.mark.xdist_group(v.lab))
                                     for v in VARIANTS])
def test_variant(graded, variant):
    scores = graded(variant.lab)[variant.name]
    unknown = variant.loses - set(scores)
    assert not unknown, f"loses: names no grade cell {sorted(unknown)}"
    kept = {cell: s for cell, s in scores.items() if cell in variant.loses and s[0] >= s[1]}
    assert not kept, f"{variant.description!r} should lose these but scores full: {kept}"
    lost = {cell: s for cell, s in scores.items() if cell not in variant.loses and s[0] < s[1]}
    assert not lost, (f"{variant.description!r} loses points it should keep: {lost}; "
                      f"errors: {graded.failures(variant.lab, variant.name)}")


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS])
def test_grading_leaves_the_learners_names_alone(graded, course, lab):
    if not judge.judges(course.config, lab):
        pytest.skip("this lab's hidden tests still run in the kernel (c.Judge.in_kernel_labs)")
    scores = graded(lab)[PROBE]
    lost = {cell: s for cell, s in scores.items() if s[0] != s[1]}
    assert not lost, (f"a learner whose names match the test cells' loses points: {lost}; "
                      f"errors: {graded.failures(lab, PROBE)}")
    printed = namespace_probe.verdict(graded.graded_notebook(lab, PROBE))
    assert namespace_probe.UNCHANGED in printed, f"grading changed the learner's names: {printed}"
