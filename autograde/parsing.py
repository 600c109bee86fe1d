"""``ast.parse`` made safe to call from several grading threads at once.

CPython before 3.12 keeps one recursion counter for converting a parse tree to Python objects,
shared by every thread, so two threads parsing at once can fail with "AST constructor recursion
depth mismatch". The grader parses in many places at once — reading each `.npy` array a kernel
sends (NumPy reads its header with ``ast.literal_eval``), finding a notebook's imports, a hidden
block's own calls — so every parse in this process takes one lock.
"""

from __future__ import annotations

import ast
import sys
import threading
from typing import Any

_LOCK = threading.RLock()
_unserialized = ast.parse


def _serialized_parse(*args: Any, **kwargs: Any) -> ast.AST:
    with _LOCK:
        return _unserialized(*args, **kwargs)


def serialize() -> None:
    """Make ``ast.parse`` (and so ``ast.literal_eval``) take the lock, once per process."""
    if sys.version_info < (3, 12) and ast.parse is _unserialized:
        ast.parse = _serialized_parse
