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
    assert answer_keys.load(answer_keys.TABLE) == answer_keys.build(COURSE), (
        "labs/answers.toml is stale: a concept answer in source/ changed; regenerate it with "
        "`.venv/bin/python -m labs.answer_keys` and commit labs/answers.toml")


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
