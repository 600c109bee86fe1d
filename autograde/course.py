"""An nbgrader course on disk: its root, its configuration and its labs (assignments)."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograde import AcelabsError
from labs import catalog

CONFIG_FILE = "nbgrader_config.py"


@dataclass(frozen=True)
class Course:
    root: Path
    config: Config

    @classmethod
    def load(cls, root: Path | str = ".") -> Course:
        """The course at ``root``, configured by its nbgrader_config.py — or, as nbgrader
        does, by nbgrader's defaults when it has none but has a source/ folder."""
        root = Path(root).resolve()
        config_path = root / CONFIG_FILE
        if config_path.is_file():
            config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
        elif (root / "source").is_dir():
            config = Config()
        else:
            raise AcelabsError(f"{root} is not an nbgrader course: it has no {CONFIG_FILE} "
                               "and no source/ folder")
        config.CourseDirectory.root = str(root)
        return cls(root, config)

    def relocated(self, root: Path, db_url: str | None = None) -> Course:
        """The same configuration working in another directory, with its own SQLite gradebook."""
        root = Path(root).resolve()
        config = copy.deepcopy(self.config)  # a shallow copy would share (and change) sections
        config.merge(Config({"CourseDirectory": {
            "root": str(root),
            "db_url": db_url or f"sqlite:///{root / 'gradebook.db'}",
        }}))
        return Course(root, config)

    @property
    def db_url(self) -> str:
        default = f"sqlite:///{self.root / 'gradebook.db'}"
        return self.config.CourseDirectory.get("db_url") or default

    @property
    def course_id(self) -> str:
        return self.config.CourseDirectory.get("course_id", "")

    def path(self, step: str) -> Path:
        """The directory of one nbgrader step (source, release, submitted, autograded, feedback)."""
        configured = self.config.CourseDirectory.get(f"{step}_directory", step)
        return self.root / configured

    def labs(self) -> list[str]:
        """Every lab (assignment) in source/, in name order."""
        source = self.path("source")
        if not source.is_dir():
            return []
        return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def select(self, names: Iterable[str] | None) -> list[str]:
        """The labs named (resolved as by ``resolve``), or every lab when none are named."""
        return [self.resolve(name) for name in names] if names else self.labs()

    def resolve(self, name: str) -> str:
        """A lab of this course by id, or by its catalog number ("1", "01")."""
        known = self.labs()
        if name in known:
            return name
        try:
            lab_id = catalog.get(name).id
        except catalog.UnknownLabError:
            lab_id = None
        if lab_id in known:
            return lab_id
        listing = ", ".join(known) or "none"
        raise AcelabsError(f"unknown lab {name!r}; this course has: {listing}")
