"""The lab catalog: one record per lab, in learning order (the order of the ids).

The id is the folder name under source/ and release/ and the notebook's file stem. Each lab
describes itself in its source notebook's metadata — ``"acelabs": {"title", "skill",
"concepts", "minutes", "dataset"}`` — so adding a lab takes a folder and a notebook, no Python
edit. ``labs/catalog.json`` holds those records for readers that cannot open source/ or must
answer at once (a kernel in the grader's sandbox, a learner's verb): ``acelabs release`` writes
it, as does ``python -m labs.catalog``, and a test fails while it differs from source/.
Only the standard library is imported here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("catalog.json")
FIELDS = {"title": str, "skill": str, "concepts": list, "minutes": int, "dataset": str}


class UnknownLabError(KeyError):
    """Raised for a lab id (or number) that is not in the catalog."""

    def __str__(self) -> str:
        return str(self.args[0])


class CatalogError(ValueError):
    """A source notebook whose ``acelabs`` metadata is missing or malformed."""


@dataclass(frozen=True)
class Lab:
    id: str
    title: str
    skill: str
    concepts: tuple[str, ...]
    minutes: int
    dataset: str

    @property
    def notebook(self) -> str:
        """File name of the lab's notebook inside its folder."""
        return f"{self.id}.ipynb"


def _record(lab_id: str, entry: object, where: str) -> Lab:
    if not isinstance(entry, dict):
        raise CatalogError(f"{where}: no \"acelabs\" metadata; the notebook's metadata needs "
                           f"\"acelabs\": {{{', '.join(FIELDS)}}}")
    wrong = [f"{name} ({kind.__name__})" for name, kind in FIELDS.items()
             if not isinstance(entry.get(name), kind) or isinstance(entry.get(name), bool)]
    if wrong:
        raise CatalogError(f"{where}: the \"acelabs\" metadata lacks or mistypes "
                           f"{', '.join(wrong)}")
    return Lab(id=lab_id, title=entry["title"], skill=entry["skill"],
               concepts=tuple(entry["concepts"]), minutes=entry["minutes"],
               dataset=entry["dataset"])


def from_source(course: Path) -> tuple[Lab, ...]:
    """Every lab of ``course``, read from its source notebooks' metadata."""
    found = []
    for folder in sorted(p for p in (course / "source").iterdir() if p.is_dir()):
        notebook = folder / f"{folder.name}.ipynb"
        if notebook.is_file():
            metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
            found.append(_record(folder.name, metadata.get("acelabs"), str(notebook)))
    return tuple(found)


def dumps(labs: tuple[Lab, ...]) -> str:
    rows = {lab.id: {name: value for name, value in asdict(lab).items() if name != "id"}
            for lab in labs}
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"


def write(course: Path) -> Path:
    """Write ``labs/catalog.json`` from ``course``'s source notebooks."""
    TABLE.write_text(dumps(from_source(course)), encoding="utf-8")
    labs.cache_clear()
    return TABLE


@cache
def labs() -> tuple[Lab, ...]:
    """Every lab, from ``labs/catalog.json``."""
    rows = json.loads(TABLE.read_text(encoding="utf-8"))
    return tuple(_record(lab_id, entry, str(TABLE)) for lab_id, entry in sorted(rows.items()))


def ids() -> list[str]:
    return [lab.id for lab in labs()]


def get(lab_id: str) -> Lab:
    """The lab with this id, or with this number ("1", "01") as a shorthand."""
    for lab in labs():
        if lab_id == lab.id or (lab_id.isdigit() and int(lab_id) == int(lab.id[:2])):
            return lab
    raise UnknownLabError(f"unknown lab {lab_id!r}; labs are: {', '.join(ids())}")


def main(argv: list[str]) -> None:
    """Write labs/catalog.json from the source notebooks of the course this package is in."""
    if argv:
        print(f"usage: python -m labs.catalog\n{main.__doc__}", file=sys.stderr)
        raise SystemExit(0 if argv in (["-h"], ["--help"]) else 2)
    print(f"wrote {write(Path(__file__).resolve().parents[1])}")


if __name__ == "__main__":
    main(sys.argv[1:])
