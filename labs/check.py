"""In-notebook help: ``use`` names the lab once; ``check``, ``hint`` and ``solution`` per question.

- ``check("q2")`` runs the question's *visible* tests (those of the student version, the same
  asserts nbgrader's Validate runs) against the notebook's variables and says: not attempted,
  what is wrong, or that they pass. Hidden tests never run here; they run when the notebook is
  graded. Two things go further than a plain assert:

  * a fixed answer — a concept question's letter (``c1``), or a coding question keyed by one
    number (``value`` in its hints file) — is judged right or wrong against
    ``labs/answers.toml`` (salted hashes, ``labs.answer_keys``), never shown;
  * a threshold the grader measures is *estimated* by the visible test the grader's way on the
    notebook's own training rows: the cell binds ``_estimate = {"what", "value", "bar", "op",
    "on"}`` (``op`` "<=" or ">="), its assert fails only well past the bar (by the noise
    between splits, so that it never costs a solution the hidden test passes), and ``check``
    shows the estimate with the grader's bar: ✔ within it, ⚠ (``doubtful``) past it.

  Both are off when the release says ``answers = false`` in a ``check.toml`` beside the
  notebook (``c.Check.answers = False`` in nbgrader_config.py): ``check`` then runs only the
  visible asserts, as Validate does, and says so; and not while a mock interview's clock runs.
- ``hint("q2")`` shows the next of the question's hints (``labs/hints/<lab>.toml``), the last
  one again once all have been shown.
- ``solution("q2")`` asks before showing the reference solution.

Each is recorded in the learner's workspace (``labs.progress``) when there is one and a person
is at the keyboard (``labs.presence``: not under Validate, nbgrader or nbconvert). Outside a
course checkout (in a grader's sandbox) ``check`` and ``solution`` say they are unavailable
instead of failing. In a mock interview (``labs.mock``) the questions are the interview's, every
verdict carries the time left, and ``hint`` and ``solution`` refuse until the time is up.
Nothing heavy is imported at module level: a notebook's first ``hint`` answers at once.
"""

from __future__ import annotations

import html
import re
import sys
import tomllib
import warnings
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from labs import answer_keys, catalog, mock, presence, progress

HINTS_DIR = Path(__file__).parent / "hints"
COURSE_DIR = Path(__file__).resolve().parents[1]

_current_lab: str | None = None
_shown: dict[tuple[str, str], int] = {}
_SOLUTION_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.MULTILINE)


def use(lab_id: str) -> None:
    """Tell ``check``, ``hint`` and ``solution`` which lab this notebook is (the setup cell
    calls it)."""
    global _current_lab
    _current_lab = catalog.get(lab_id).id


def _record(lab: str, question: str, event: str, outcome: str = "") -> None:
    """Record what the learner did, only when it is the learner doing it."""
    if presence.someone_at_keyboard():
        progress.record(lab, question, event, outcome=outcome)


def _refused_in_interview(what: str) -> bool:
    """Print why ``what`` is refused while the interview's clock runs; whether it is."""
    interview = mock.active()
    if interview is None or not interview.running():
        return False
    print(f"No {what} while the mock interview's clock runs (they open when the time is up): "
          f"talk yourself through it as you would to an interviewer. {interview.clock()}")
    return True


def _lab(lab_id: str | None = None) -> str:
    lab = lab_id or _current_lab
    if lab is None:
        raise RuntimeError('call labs.check.use("<lab id>") first (the setup cell does it)')
    return catalog.get(lab).id


@cache
def hints_for(lab_id: str) -> dict[str, list[str]]:
    """Every question's hints for one lab, in the order they are given."""
    path = HINTS_DIR / f"{catalog.get(lab_id).id}.toml"
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    return {question: list(entry["hints"]) for question, entry in table.items()}


def _where(question: str, lab_id: str | None) -> tuple[str, str, str]:
    """Where ``question`` lives: the lab and question id its tests, hints and solution have, and
    the name its events are recorded under (the interview's, in an interview)."""
    interview = mock.active() if lab_id is None else None
    if interview is not None:
        lab, original = interview.origin(question)
        return lab, original, interview.name
    lab = _lab(lab_id)
    return lab, question, lab


def next_hint(question: str, lab_id: str | None = None) -> str:
    """The next hint for ``question`` as text (the last one repeats)."""
    lab, original, recorded_as = _where(question, lab_id)
    hints = hints_for(lab)
    if original not in hints:
        raise KeyError(f"no question {question!r} in {lab}; questions: {', '.join(hints)}")
    seen = _shown.get((recorded_as, question), 0)
    _shown[(recorded_as, question)] = seen + 1
    index = min(seen, len(hints[original]) - 1)
    _record(recorded_as, question, "hint", outcome=str(index + 1))
    return f"Hint {index + 1}/{len(hints[original])} for {question}: {hints[original][index]}"


def hint(question: str) -> None:
    """Print the next hint for ``question`` (none while a mock interview's clock runs)."""
    if not _refused_in_interview("hints"):
        print(next_hint(question))


# --- check ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The outcome of ``check``: ``state`` is not-attempted, wrong, doubtful (an estimate past the
    grader's bar), passed or unavailable."""

    lab: str
    question: str
    state: str
    message: str
    judged: bool = False  # passed because the answer itself is right, not only the visible tests
    estimated: bool = False  # passed with an estimate within the grader's bar

    _STYLE = {"passed": ("#e6f4ea", "#1e7e34", "✔"), "wrong": ("#fdecea", "#b02a37", "✘"),
              "doubtful": ("#fff4e5", "#b35c00", "⚠"),
              "not-attempted": ("#f1f3f4", "#5f6368", "…"),
              "unavailable": ("#fff8e1", "#8a6d00", "?")}

    @property
    def headline(self) -> str:
        if self.state == "passed" and self.judged:
            return f"{self.question}: right — that is the answer"
        if self.state == "passed" and self.estimated:
            return f"{self.question}: the visible tests pass, estimated within the grader's bar"
        return {"passed": f"{self.question}: the visible tests pass",
                "wrong": f"{self.question}: not yet right",
                "doubtful": f"{self.question}: estimated past the grader's bar",
                "not-attempted": f"{self.question}: not attempted yet",
                "unavailable": f"{self.question}: check is unavailable here"}[self.state]

    def __str__(self) -> str:
        return f"{self.headline}\n{self.message}" if self.message else self.headline

    def _repr_html_(self) -> str:
        background, colour, mark = self._STYLE[self.state]
        body = html.escape(self.message).replace("\n", "<br>")
        return (f'<div class="acelabs-check acelabs-{self.state}" style="background:{background};'
                f"border-left:6px solid {colour};padding:8px 12px;margin:4px 0;"
                f'font-family:sans-serif;color:#202124">'
                f'<b style="color:{colour}">{mark} {html.escape(self.headline)}</b>'
                + (f'<div style="margin-top:4px">{body}</div>' if body else "") + "</div>")


def _notebook(kind: str, lab: str) -> Path:
    return COURSE_DIR / kind / lab / f"{lab}.ipynb"


def _cells(kind: str, lab: str) -> list[dict]:
    import nbformat

    path = _notebook(kind, lab)
    if not path.is_file():
        raise FileNotFoundError(path)
    return nbformat.read(str(path), as_version=4).cells


def _grade_id(cell: dict) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")


def visible_tests(question: str, lab_id: str | None = None) -> list[str]:
    """The student version's test cells of ``question`` (``q2_tests``, ``q2_leak_tests`` …)."""
    lab = _lab(lab_id)
    cells = [c for c in _cells("release", lab)
             if c.get("metadata", {}).get("nbgrader", {}).get("grade")
             and _grade_id(c).startswith(f"{question}_")]
    if not cells:
        known = sorted({_grade_id(c).split("_")[0] for c in _cells("release", lab)
                        if c.get("metadata", {}).get("nbgrader", {}).get("grade")})
        raise KeyError(f"no question {question!r} in {lab}; questions: {', '.join(known)}")
    return [c.source for c in cells]


def _notebook_namespace() -> dict | None:
    """The notebook's variables (IPython's user namespace), or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    return shell.user_ns if shell is not None else None


def _not_attempted(error: BaseException, question: str, namespace: dict) -> bool:
    if isinstance(error, NotImplementedError):
        return True
    if question[0] in "ck" and namespace.get(f"answer_{question}") is None:  # k: an interview's
        return True
    return isinstance(error, NameError)


def evaluate(question: str, namespace: dict, lab_id: str | None = None,
             sources: list[str] | None = None) -> Verdict:
    """Run the visible tests of ``question`` on a copy of ``namespace``: those of the release
    notebook, or ``sources`` where it is out of reach (a kernel in the grader's sandbox)."""
    lab, original, recorded_as = _where(question, lab_id)
    interview = mock.active() if lab_id is None else None
    hints_open = interview is None or not interview.running()
    verdict = _evaluate(question, namespace, lab, original, hints_open, sources)
    if interview is None:
        return verdict
    message = "\n".join(filter(None, [verdict.message, interview.clock()]))
    return replace(verdict, lab=recorded_as, message=message)


def _evaluate(question: str, namespace: dict, lab: str, original: str,
              hints_open: bool = True, given: list[str] | None = None) -> Verdict:
    """The visible tests of ``original`` in ``lab`` (or ``given``), under the name
    ``question``, on a copy of ``namespace``."""
    try:
        sources = [mock.renamed(source, original, question)
                   for source in (visible_tests(original, lab) if given is None else given)]
    except FileNotFoundError:
        return Verdict(lab, question, "unavailable",
                       "the student version of this lab is not here; grade the notebook with "
                       "`acelabs check` instead")
    scratch = dict(namespace)
    estimates: list[dict] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for source in sources:
                scratch.pop("_estimate", None)  # the learner's own run of the cell bound one
                try:
                    exec(compile(source, f"<{question} visible tests>", "exec"), scratch)
                finally:
                    bound = scratch.pop("_estimate", None)  # one estimate, or a list of them
                    for estimate in bound if isinstance(bound, list) else [bound]:
                        if isinstance(estimate, dict):
                            estimates.append(estimate)
    except Exception as error:  # the learner's code may raise anything
        if _not_attempted(error, question, namespace):
            return Verdict(lab, question, "not-attempted",
                           f"write your answer in the {question} cell and run it first")
        reason = str(error) or type(error).__name__
        if not isinstance(error, AssertionError):
            reason = f"{type(error).__name__}: {reason}"
        advice = f"\n(hint(\"{question}\") may help)" if hints_open else ""
        said = "" if "estimated" in reason else "".join(f"\n{_said(e)}" for e in estimates)
        return Verdict(lab, question, "wrong", reason + said + advice)
    if answer_keys.known(lab, original) or answer_keys.keyed_value(lab, original):
        return _judged(question, namespace, lab, original, hints_open)
    if estimates:
        return _estimated(question, lab, estimates, hints_open)
    return Verdict(lab, question, "passed",
                   "the hidden tests decide the grade: they check it on data your code has "
                   "not seen")


def _said(estimate: dict) -> str:
    """One estimate in words: what, how much, on what, and the grader's bar."""
    return (f"estimated {estimate['what']} {estimate['value']:.3f} on {estimate['on']}; the "
            f"grader's bar: {estimate['op'].replace('<=', '≤').replace('>=', '≥')} "
            f"{estimate['bar']:.3f} on its own rows")


def _within(estimate: dict) -> bool:
    value, bar = float(estimate["value"]), float(estimate["bar"])
    return value <= bar if estimate["op"] == "<=" else value >= bar


def _estimated(question: str, lab: str, estimates: list[dict], hints_open: bool) -> Verdict:
    """The visible tests passed and measured the grader's threshold on the notebook's rows."""
    said = "\n".join(_said(e) for e in estimates)
    if not answer_keys.answers_on(_marker_folders(lab)):
        return Verdict(lab, question, "passed",
                       "right-or-wrong checking is off for this course (the instructor's "
                       "setting): only the visible sanity checks ran; grading decides")
    if all(_within(e) for e in estimates):
        return Verdict(lab, question, "passed",
                       f"{said}\nan estimate, not the grade: the hidden tests measure it on "
                       "rows your code has not seen", estimated=True)
    advice = f'; hint("{question}") may help' if hints_open else ""
    return Verdict(lab, question, "doubtful",
                   f"{said}\nlikely to lose these points when graded (the visible assert allows "
                   f"for the noise between splits){advice}")


def _marker_folders(lab: str) -> list[Path]:
    """Where a release's ``check.toml`` may be: the notebook's folder (the kernel's working
    directory) and the released lab in the course."""
    return [Path.cwd(), COURSE_DIR / "release" / lab]


def _judged(question: str, namespace: dict, lab: str, original: str,
            hints_open: bool) -> Verdict:
    """A fixed answer (a concept letter, a keyed value) that passed the visible tests, told right
    from wrong (never shown)."""
    if not answer_keys.answers_on(_marker_folders(lab)):
        return Verdict(lab, question, "passed",
                       "right-or-wrong checking is off for this course (the instructor's "
                       "setting): only the visible sanity checks ran; grading decides")
    if not hints_open:
        return Verdict(lab, question, "passed",
                       "whether it is right shows when the mock interview's time is up")
    keyed = answer_keys.keyed_value(lab, original)
    if keyed is not None:
        right = answer_keys.value_is_right(lab, original, namespace.get(keyed["name"]))
        wrong = (f"{keyed['name']} is not the expected value (judged to {keyed['decimals']} "
                 f'decimals) — think again; hint("{question}")')
    else:
        right = answer_keys.is_right(lab, original, namespace.get(f"answer_{question}"))
        wrong = f'not the answer — think again; hint("{question}")'
    if right:
        return Verdict(lab, question, "passed", "the grader will agree", judged=True)
    return Verdict(lab, question, "wrong", wrong)


def _show(verdict: Verdict) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display({"text/html": verdict._repr_html_(), "text/plain": str(verdict)}, raw=True)
            return
    except ImportError:
        pass
    print(verdict)


def check(question: str) -> None:
    """Run ``question``'s visible tests on the notebook's current variables and show a verdict."""
    namespace = _notebook_namespace()
    verdict = evaluate(question, namespace if namespace is not None else sys._getframe(1).f_globals)
    _record(verdict.lab, question, "check", outcome=verdict.state)
    _show(verdict)


# --- solution ------------------------------------------------------------------------------


def reference_solution(question: str, lab_id: str | None = None) -> str:
    """The reference solution's code for ``question``, from the lab's source notebook."""
    lab = _lab(lab_id)
    for cell in _cells("source", lab):
        if _grade_id(cell) == question and cell.metadata["nbgrader"].get("solution"):
            return _SOLUTION_MARKERS.sub("", cell.source).strip()
    raise KeyError(f"no question {question!r} in {lab}")


def _confirmed(question: str) -> bool:
    try:
        answer = input(f"Show the reference solution of {question}? Try hint({question!r}) "
                       "first. [y/N] ")
    except (EOFError, OSError, RuntimeError):  # no stdin (nbconvert --execute, a script)
        return False
    except Exception:  # IPython's StdinNotImplementedError when the front end has no input
        return False
    return answer.strip().lower() in ("y", "yes")


def solution(question: str, reveal: bool | None = None) -> None:
    """Show the reference solution of ``question`` after asking (``reveal=True`` skips asking);
    never while a mock interview's clock runs."""
    if _refused_in_interview("solutions"):
        return
    lab, original, recorded_as = _where(question, None)
    try:
        code = mock.renamed(reference_solution(original, lab), original, question)
    except FileNotFoundError:
        print(f"the reference solution of {question} is not available here")
        return
    if not (reveal if reveal is not None else _confirmed(question)):
        print(f"not shown; call solution({question!r}, reveal=True) to see it")
        return
    _record(recorded_as, question, "solution")
    print(code)
