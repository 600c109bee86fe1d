"""Every lab proves itself through nbgrader's real grading path.

The source notebook gets full marks; the released notebook scores 0 everywhere; each wrong
solution in tests/labs/<lab>/ loses exactly the points of the questions it names, and each
alternative solution gets full marks. One scratch course per lab grades them all at once.

``check`` tells the truth too, judged in the same run (cells appended to each graded notebook
ask it, tests/check_verdicts.py): the reference gets ✔ on every question, and each wrong
solution gets ✘ or ⚠ on each question its ``loses:`` line names — except
those tests/labs/<lab>/CHECKS.toml lists with the reason no visible check can tell (a solution
by name, or one of its questions as "name:q2"); an excuse check no longer needs fails too.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from autograde import judge, pipeline, submissions
from autograde.execute import Job
from autograde.executors import LocalProcess
from labs import catalog
from tests import check_verdicts, namespace_probe, variants
from tests.conftest import failure_messages, grade_class

LABS = catalog.ids()
PROBE = "alt_namespace_probe"  # the reference, with helpers named like every test cell's names
VARIANTS = [v for lab in LABS for v in variants.for_lab(lab)]

pytestmark = pytest.mark.slow


def _imports_tensorflow(lab: str) -> bool:
    source = Path(__file__).parents[1] / "source" / lab / f"{lab}.ipynb"
    return any(word in source.read_text() for word in ("import tensorflow", "import keras"))


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
            everything = check_verdicts.questions(source)
            notebooks = {"source": check_verdicts.with_verdict_cells(source, lab, everything),
                         "released": released,
                         PROBE: namespace_probe.probe(
                             submissions.fill(released, reference),
                             namespace_probe.test_cell_names(source))}
            for variant in variants.for_lab(lab):
                filled = submissions.fill(released, {**reference, **variant.cells})
                notebooks[variant.name] = (check_verdicts.with_verdict_cells(
                    filled, lab, check_verdicts.lost_questions(variant))
                    if variant.is_wrong else filled)
            workdirs[lab] = tmp_path_factory.mktemp(lab)
            cache[lab] = grade_class(course, workdirs[lab], lab, notebooks)
        return cache[lab]

    scores_of.failures = lambda lab, student: failure_messages(workdirs[lab], lab, student)
    scores_of.graded_notebook = lambda lab, student: submissions.read(
        workdirs[lab] / "autograded" / student / lab / f"{lab}.ipynb")
    scores_of.verdicts = lambda lab, student: check_verdicts.printed_verdicts(
        scores_of.graded_notebook(lab, student))
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


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS])
def test_check_passes_the_reference(graded, course, lab):
    graded(lab)
    source = submissions.read(course.path("source") / lab / f"{lab}.ipynb")
    verdicts = graded.verdicts(lab, "source")
    missing = [q for q in check_verdicts.questions(source) if q not in verdicts]
    assert not missing, f"check gave no verdict on {missing} (see the graded notebook)"
    not_passed = {q: v for q, v in verdicts.items() if v.state != "passed"}
    assert not not_passed, f"the reference solution does not get ✔ from check: {not_passed}"


@pytest.mark.parametrize("variant", [pytest.param(v, id=f"{v.lab}-{v.name}",
                                                  marks=pytest.mark.xdist_group(v.lab))
                                     for v in VARIANTS if v.is_wrong])
def test_check_tells_the_wrong_solution(graded, variant):
    graded(variant.lab)
    verdicts = graded.verdicts(variant.lab, variant.name)
    lost = check_verdicts.lost_questions(variant)
    excused = check_verdicts.exceptions(variant.lab)
    missing = [q for q in lost if q not in verdicts]
    assert not missing, f"check gave no verdict on {missing} (see the graded notebook)"

    def is_excused(question: str) -> bool:
        return variant.name in excused or f"{variant.name}:{question}" in excused

    flattered = {q: verdicts[q].message for q in lost
                 if verdicts[q].state == "passed" and not is_excused(q)}
    assert not flattered, (
        f"check shows ✔ on the questions this wrong solution loses: {flattered}; make a visible "
        "check tell, or list it in CHECKS.toml with the reason none can")
    told_anyway = [q for q in lost if verdicts[q].state != "passed" and is_excused(q)]
    assert not told_anyway, (
        f"CHECKS.toml excuses {variant.name} on {told_anyway}, but check already tells (✘ or "
        "⚠): take it out of the exceptions")


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS if _imports_tensorflow(lab)])
def test_a_tensorflow_lab_runs_to_the_end_in_a_cold_box(course, lab):
    """`nbgrader autograde` and formgrader give each notebook a cold box of its own: TensorFlow,
    which maps far more address space than it uses, must run there as in a warm one."""
    folder = course.path("source") / lab
    job = Job.from_directory(submissions.read(folder / f"{lab}.ipynb"), folder,
                             pipeline.limits(course), label=lab)
    outcome = LocalProcess().run(job)
    assert outcome.status == "ok", outcome.message
    errors = submissions.grade_cell_errors(nbformat.from_dict(outcome.notebook))
    assert not errors, {cell: f"{e.ename}: {e.evalue}"[:300] for cell, e in errors.items()}
