"""Small JSON records kept per submission beside nbgrader's autograded/ folders.

A grading run may be killed at any moment, so a record is written to a temporary file first
and moved over the old one: a reader finds the old record or the new, never half of one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def write(path: Path, record: dict[str, Any]) -> None:
    """Replace ``path`` with ``record`` atomically, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(record))
    os.replace(partial, path)
