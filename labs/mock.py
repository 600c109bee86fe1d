"""The mock interview's rules inside its notebook: the clock, which question is which, and no
help while the clock runs.

The interview notebook's clock cell (locked, right under its header) calls ``interview(...)``,
which shows the time left and tells ``labs.check`` that this kernel is in an interview: until
the time is up ``hint`` and ``solution`` refuse, and ``check`` adds the time left to every
verdict. Its questions keep their lab's tests under new names (a concept question ``c3`` of
lab 02 becomes ``k1``), so ``origin`` maps each name back to the lab and question it came from,
and ``renamed`` rewrites that question's code to the interview's names.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

_active: Interview | None = None


def renamed(source: str, old: str, new: str) -> str:
    """``source`` with question ``old`` (and its ``answer_old`` variable) called ``new``."""
    return re.sub(rf"\b(answer_)?{re.escape(old)}\b", lambda m: (m.group(1) or "") + new, source)


@dataclass(frozen=True)
class Interview:
    """One mock interview: the name progress records it under, its clock, its questions."""

    name: str
    minutes: int
    started: datetime
    task: tuple[str, str]
    concepts: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def ends(self) -> datetime:
        return datetime.fromtimestamp(self.started.timestamp() + self.minutes * 60, UTC)

    def seconds_left(self, now: datetime | None = None) -> float:
        return self.ends.timestamp() - (now or datetime.now(UTC)).timestamp()

    def running(self, now: datetime | None = None) -> bool:
        return self.seconds_left(now) > 0

    def clock(self, now: datetime | None = None) -> str:
        """The time left, or that the time is up, with the end in this machine's time."""
        ends = self.ends.astimezone().strftime("%H:%M")
        left = self.seconds_left(now)
        if left > 0:
            shown = f"{math.ceil(left / 60)} min" if left >= 60 else f"{math.ceil(left)} s"
            return f"⏱ {shown} left of {self.minutes} (ends at {ends})"
        return (f"⏱ time is up: the {self.minutes} minutes ended at {ends}; hint() and "
                "solution() work again")

    def questions(self) -> list[str]:
        return [self.task[1], *self.concepts]

    def origin(self, question: str) -> tuple[str, str]:
        """The lab and question id that the interview's ``question`` comes from."""
        if question == self.task[1]:
            return self.task
        if question in self.concepts:
            return self.concepts[question]
        raise KeyError(f"no question {question!r} in this interview; questions: "
                       f"{', '.join(self.questions())}")


def interview(name: str, minutes: int, started: str, task: tuple[str, str],
              concepts: dict[str, tuple[str, str]]) -> None:
    """Put this kernel in the interview and show its clock (the clock cell calls it)."""
    global _active
    _active = Interview(name, minutes, datetime.fromisoformat(started), tuple(task),
                        {k: tuple(v) for k, v in concepts.items()})
    print(_active.clock())


def active() -> Interview | None:
    """The interview this kernel is in, if any."""
    return _active


def leave() -> None:
    """Leave the interview: ``check``, ``hint`` and ``solution`` work on the lab again."""
    global _active
    _active = None
