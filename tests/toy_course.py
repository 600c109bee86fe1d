"""A tiny nbgrader course with one quick lab, for testing the machinery apart from the labs."""

from __future__ import annotations

from pathlib import Path

from autograde import authoring
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
