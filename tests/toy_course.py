"""A tiny nbgrader course with one quick lab, for testing the machinery apart from the labs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nbformat import NotebookNode

from autograde import authoring, pipeline, submissions
from autograde.course import Course
from tests.conftest import REPO

LAB = "toy"


def make(root: Path) -> Path:
    """Write the course (config and source/toy/toy.ipynb) under ``root``; return ``root``."""
    (root / "nbgrader_config.py").parent.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text((REPO / "nbgrader_config.py").read_text())
    nb = authoring.notebook([
        authoring.markdown("# Toy lab\nDefine `add(a, b)`."),
        authoring.solution("def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n"
                           "    ### END SOLUTION", "q1"),
        authoring.tests("assert add(1, 1) == 2, 'add(1, 1) should be 2'\n"
                        "### BEGIN HIDDEN TESTS\n"
                        "assert add(-40, 2) == -38, 'check negative numbers'\n"
                        "### END HIDDEN TESTS", "q1_tests", points=2),
        authoring.solution("answer_c1 = None\n### BEGIN SOLUTION\nanswer_c1 = 'B'\n"
                           "### END SOLUTION", "c1"),
        authoring.tests("assert answer_c1 in 'ABC'\n### BEGIN HIDDEN TESTS\n"
                        "assert answer_c1 == 'B'\n### END HIDDEN TESTS", "c1_tests", points=1),
    ])
    authoring.write(nb, root / "source" / LAB / f"{LAB}.ipynb")
    return root


@dataclass
class ToyClass:
    """The toy course, released, ready for students to hand in."""

    root: Path
    course: Course
    released: NotebookNode
    answers: dict[str, str]  # the reference solution, by solution cell

    def hand_in(self, student: str, cells: dict[str, str] | None = None,
                edit: Callable[[NotebookNode], None] | None = None) -> None:
        """Submit the release with ``cells`` replaced (none: left blank), then ``edit`` it."""
        nb = submissions.fill(self.released, cells or {})
        if edit:
            edit(nb)
        submissions.write(nb, self.root / "submitted" / student / LAB / f"{LAB}.ipynb")


def released(root: Path, extra_config: str = "") -> ToyClass:
    """Make the course under ``root`` (``extra_config`` appended to its config) and release it."""
    make(root)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write(extra_config)
    course = Course.load(root)
    pipeline.release(course)
    source = submissions.read(root / "source" / LAB / f"{LAB}.ipynb")
    return ToyClass(root, course, submissions.read(root / "release" / LAB / f"{LAB}.ipynb"),
                    submissions.reference_answers(source))
