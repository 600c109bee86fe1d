"""In-notebook help: ``use`` names the lab once, ``hint`` gives progressive hints.

Hints live in ``labs/hints/<lab>.toml``, one table per question with a ``hints`` list. Each call
to ``hint("q2")`` shows the next one, and the last one again once all have been shown.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from labs import catalog

HINTS_DIR = Path(__file__).parent / "hints"

_current_lab: str | None = None
_shown: dict[tuple[str, str], int] = {}


def use(lab_id: str) -> None:
    """Tell ``hint`` which lab this notebook is (the lab's setup cell calls it)."""
    global _current_lab
    _current_lab = catalog.get(lab_id).id


@cache
def hints_for(lab_id: str) -> dict[str, list[str]]:
    """Every question's hints for one lab, in the order they are given."""
    path = HINTS_DIR / f"{catalog.get(lab_id).id}.toml"
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    return {question: list(entry["hints"]) for question, entry in table.items()}


def next_hint(question: str, lab_id: str | None = None) -> str:
    """The next hint for ``question`` as text (the last one repeats)."""
    lab = lab_id or _current_lab
    if lab is None:
        raise RuntimeError('call labs.check.use("<lab id>") first (the setup cell does it)')
    hints = hints_for(lab)
    if question not in hints:
        raise KeyError(f"no question {question!r} in {lab}; questions: {', '.join(hints)}")
    seen = _shown.get((lab, question), 0)
    _shown[(lab, question)] = seen + 1
    index = min(seen, len(hints[question]) - 1)
    return f"Hint {index + 1}/{len(hints[question])} for {question}: {hints[question][index]}"


def hint(question: str) -> None:
    """Print the next hint for ``question``."""
    print(next_hint(question))
