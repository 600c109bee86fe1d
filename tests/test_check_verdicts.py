"""``check`` tells the truth in every lab: the reference solution gets ✔ on every question, and
each wrong solution in tests/labs/<lab>/ gets a non-✔ verdict (✘ or ⚠) on each question its
``loses:`` line names — except those tests/labs/<lab>/CHECKS.toml lists with the reason no
visible check can tell (a solution by name, or one of its questions as "name:q2"); an excuse
for a solution that check does tell is stale and fails the test too. One kernel
per lab (tests/check_verdicts.py): the reference runs once, each wrong solution only re-runs the
cells it changes.
"""

from __future__ import annotations

import pytest

from labs import catalog
from tests import check_verdicts, variants

LABS = catalog.ids()

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab))
                                 for lab in LABS])
def test_check_tells_right_from_wrong(lab, tmp_path):
    wrong = [v for v in variants.for_lab(lab) if v.is_wrong]
    excused = check_verdicts.exceptions(lab)
    stale = {key for key in excused if key.split(":")[0] not in {v.name for v in wrong}}
    assert not stale, f"CHECKS.toml excuses solutions that do not exist: {sorted(stale)}"
    with check_verdicts.LabKernel(lab, tmp_path) as kernel:
        everything = check_verdicts.questions(kernel.nb)
        reference = kernel.verdicts(everything)
        not_passed = {q: v for q, v in reference.items() if v.state != "passed"}
        assert not not_passed, f"the reference solution does not get ✔: {not_passed}"
        flattered, told_anyway = {}, []
        for variant in wrong:
            lost = check_verdicts.lost_questions(variant)
            verdicts = kernel.try_variant(variant, lost)
            for question, verdict in verdicts.items():
                is_excused = variant.name in excused or f"{variant.name}:{question}" in excused
                if verdict.state == "passed" and not is_excused:
                    flattered.setdefault(variant.name, {})[question] = verdict.message
                elif verdict.state != "passed" and is_excused:
                    told_anyway.append(f"{variant.name}:{question}")
        again = kernel.verdicts(everything)
        assert {q: v.state for q, v in again.items()} == {q: "passed" for q in everything}, (
            "the kernel did not come back to the reference after the wrong solutions")
    assert not told_anyway, (
        f"CHECKS.toml excuses wrong solutions that check already tells (✘ or ⚠): "
        f"{sorted(told_anyway)}; take them out of its exceptions")
    assert not flattered, (
        f"check shows ✔ for wrong solutions on the questions they lose: {flattered}; make a "
        "visible check tell, or list them in CHECKS.toml with the reason none can")
