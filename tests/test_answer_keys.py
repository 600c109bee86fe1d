"""check("cN") tells a concept answer right from wrong, from labs/answers.toml, without a kernel;
the table is what source/ gives; c.Check.answers = False turns the judging off."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from labs import answer_keys, check

COURSE = Path(__file__).resolve().parents[1]
LABS = sorted(p.name for p in (COURSE / "source").iterdir()
              if (p / f"{p.name}.ipynb").is_file())


def references(lab: str) -> dict[str, object]:
    return answer_keys.reference_answers(COURSE / "source" / lab / f"{lab}.ipynb")


def wrong_of(answer: object) -> object:
    if isinstance(answer, str):
        return next(letter for letter in "ABCD" if letter != answer)
    return answer + 1


def namespace(question: str, answer: object) -> dict:
    return {"np": np, f"answer_{question}": answer}


def test_committed_table_is_what_source_gives():
    committed = answer_keys.load(answer_keys.TABLE)
    concepts = {lab: {"salt": entry["salt"], "answers": entry["answers"]}
                for lab, entry in committed.items()}
    assert concepts == answer_keys.build(COURSE), (
        "labs/answers.toml is stale: a concept answer in source/ changed; regenerate it with "
        "`.venv/bin/python -m labs.answer_keys` and commit labs/answers.toml")
    keyed = {lab: {q: {"name": v["name"], "decimals": v["decimals"]}
                   for q, v in entry.get("values", {}).items()}
             for lab, entry in committed.items() if entry.get("values")}
    specs = {lab: answer_keys.value_specs(lab) for lab in LABS if answer_keys.value_specs(lab)}
    assert keyed == specs, (
        "labs/answers.toml's keyed values do not match the hints files' `value` entries; run "
        "`flock /tmp/acelabs-grading.lock .venv/bin/python -m labs.answer_keys --values LAB` "
        "(the slow lab proof, tests/test_labs.py, proves each digest is the reference's value)")


def keyed_table(value: float, decimals: int) -> dict:
    lab, lab_salt = "01-regression-baseline", answer_keys.salt("01-regression-baseline")
    return {lab: {"salt": lab_salt, "answers": {}, "values": {"q1": {
        "name": "baseline_rmse", "decimals": decimals,
        "digest": answer_keys.value_digest(lab, "q1", value, decimals, lab_salt)}}}}


def test_a_keyed_value_is_judged_to_its_decimals(monkeypatch):
    monkeypatch.setattr(answer_keys, "load", lambda path=None: keyed_table(0.18312, 5))
    lab = "01-regression-baseline"
    for right in (0.18312, 0.183121, 0.183115, 0.183124, np.float64(0.18312)):
        assert answer_keys.value_is_right(lab, "q1", right), right
    for wrong in (0.18412, 0.1831, 0.1833, None, "0.18312", float("nan"), True):
        assert not answer_keys.value_is_right(lab, "q1", wrong), wrong


def test_check_judges_a_keyed_value_unless_answers_are_off(monkeypatch, tmp_path):
    monkeypatch.setattr(answer_keys, "load", lambda path=None: keyed_table(0.18312, 5))
    monkeypatch.chdir(tmp_path)
    lab = "01-regression-baseline"
    right = check.evaluate("q1", {"np": np, "baseline_rmse": 0.183121}, lab)
    assert right.state == "passed" and right.judged and "0.183" not in str(right)
    wrong = check.evaluate("q1", {"np": np, "baseline_rmse": 0.18412}, lab)
    assert wrong.state == "wrong" and "not the expected value" in wrong.message
    assert "0.183" not in str(wrong)
    answer_keys.mark_release(tmp_path, answers=False)
    off = check.evaluate("q1", {"np": np, "baseline_rmse": 0.18412}, lab)
    assert off.state == "passed" and not off.judged
    assert "right-or-wrong checking is off" in off.message


def test_an_estimate_is_shown_with_the_bar(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    lab = "20-experiments-and-ab-tests"
    test = ('_estimate = {"what": "RMSE", "value": got, "bar": 0.070, "op": "<=", '
            '"on": "5 splits of your rows"}\nassert got <= 0.076, "far above the bar"\n')
    monkeypatch.setattr(check, "visible_tests", lambda question, lab_id=None: [test])
    within = check.evaluate("q9", {"got": 0.061}, lab)
    assert within.state == "passed" and within.estimated
    assert "estimated RMSE 0.061 on 5 splits of your rows" in within.message
    assert "≤ 0.070" in within.message
    near = check.evaluate("q9", {"got": 0.072}, lab)
    assert near.state == "doubtful" and "likely to lose these points" in near.message
    assert "⚠" in near._repr_html_()
    far = check.evaluate("q9", {"got": 0.09}, lab)
    assert far.state == "wrong" and "estimated RMSE 0.090" in far.message
    answer_keys.mark_release(tmp_path, answers=False)
    off = check.evaluate("q9", {"got": 0.072}, lab)
    assert off.state == "passed" and "right-or-wrong checking is off" in off.message


def test_table_keeps_answers_out_of_sight():
    digests = [d for entry in answer_keys.load().values() for d in entry["answers"].values()]
    assert len(digests) >= 50
    assert all(len(d) == 64 and set(d) <= set("0123456789abcdef") for d in digests)
    assert len(set(digests)) == len(digests)  # equal answers do not show as equal digests


def test_every_lab_has_judged_concept_questions():
    assert {lab for lab in LABS if references(lab)} == set(LABS)


@pytest.mark.parametrize("lab", LABS)
def test_reference_is_right_and_another_answer_wrong(lab):
    for question, answer in references(lab).items():
        right = check.evaluate(question, namespace(question, answer), lab)
        assert right.state == "passed" and right.judged, (lab, question, right)
        assert "right" in right.headline and "visible tests" not in right.headline
        assert repr(answer) not in str(right)
        wrong = check.evaluate(question, namespace(question, wrong_of(answer)), lab)
        assert wrong.state == "wrong", (lab, question, wrong)
        assert "not the answer" in wrong.message and f'hint("{question}")' in wrong.message
        assert repr(answer) not in str(wrong)


def test_marker_turns_judging_off(tmp_path, monkeypatch):
    answer_keys.mark_release(tmp_path, answers=False)
    assert not answer_keys.answers_on([tmp_path])
    monkeypatch.chdir(tmp_path)  # the kernel runs in the released notebook's folder
    for lab in LABS:
        for question, answer in references(lab).items():
            for given in (answer, wrong_of(answer)):
                verdict = check.evaluate(question, namespace(question, given), lab)
                assert verdict.state == "passed" and not verdict.judged, (lab, question)
                assert "visible tests pass" in verdict.headline
                assert "right-or-wrong checking is off" in verdict.message
    answer_keys.mark_release(tmp_path, answers=True)
    assert not (tmp_path / answer_keys.MARKER).exists() and answer_keys.answers_on([tmp_path])


def test_check_in_a_notebook_says_right_or_wrong(monkeypatch, capsys):
    lab = "01-regression-baseline"
    answer = references(lab)["c1"]
    check.use(lab)
    monkeypatch.setattr(check, "_notebook_namespace", lambda: namespace("c1", answer))
    check.check("c1")
    monkeypatch.setattr(check, "_notebook_namespace", lambda: namespace("c1", wrong_of(answer)))
    check.check("c1")
    out = capsys.readouterr().out
    assert "c1: right — that is the answer" in out
    assert 'c1: not yet right\nnot the answer — think again; hint("c1")' in out


@pytest.mark.slow
def test_release_writes_the_marker_when_the_config_turns_answers_off(tmp_path):
    from traitlets.config import Config

    from autograde import pipeline
    from autograde.course import Course

    lab = "01-regression-baseline"
    course = Course.load(COURSE).relocated(tmp_path)
    shutil.copytree(COURSE / "source" / lab, tmp_path / "source" / lab)
    pipeline.release(course, [lab])
    assert not (tmp_path / "release" / lab / answer_keys.MARKER).exists()
    course.config.merge(Config({"Check": {"answers": False}}))
    pipeline.release(course, [lab])
    assert not answer_keys.answers_on([tmp_path / "release" / lab])
