"""Wrong and alternative solutions of a lab, read from tests/labs/<lab>/*.py.

A variant file is percent-format Python: its docstring says what it does and, for a wrong
solution, has a ``loses:`` line naming the grade cells that must lose their points. Each
``# %% <solution grade id>`` section replaces that solution cell's code.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

LABS_DIR = Path(__file__).parent / "labs"
_SECTION = re.compile(r"^# %% (\S+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Variant:
    lab: str
    name: str
    description: str
    loses: frozenset[str]
    cells: dict[str, str]

    @property
    def is_wrong(self) -> bool:
        return self.name.startswith("wrong_")


def parse(path: Path, lab: str) -> Variant:
    text = path.read_text()
    docstring = ast.get_docstring(ast.parse(text)) or ""
    loses = re.search(r"^loses:\s*(.+)$", docstring, re.MULTILINE)
    parts = _SECTION.split(text)
    cells = {parts[i]: parts[i + 1].strip() + "\n" for i in range(1, len(parts), 2)}
    return Variant(
        lab=lab,
        name=path.stem,
        description=docstring.splitlines()[0] if docstring else "",
        loses=frozenset(loses.group(1).replace(",", " ").split()) if loses else frozenset(),
        cells=cells,
    )


def for_lab(lab: str) -> list[Variant]:
    folder = LABS_DIR / lab
    return [parse(path, lab) for path in sorted(folder.glob("*.py"))
            if path.stem.startswith(("wrong_", "alt_"))]
