"""Inside a graded kernel: undo monkeypatching of the libraries tests rely on.

A student's cell runs in the same interpreter as the hidden tests after it, so it could replace
``np.mean``, ``np.testing.assert_allclose``, ``sklearn.metrics.roc_auc_score`` or a builtin
with something that always agrees, patch a class in place (``pd.Series.__eq__``), or rebind
``np`` itself. The kernel imports the guarded modules and snapshots their attributes, and those
of the Python classes they expose and their bases, before any notebook code runs
(``snapshot``); before each grade cell the executor calls ``restore``, which puts every original
attribute back, removes any that a class gained over one it inherited, and rebinds the
conventional aliases. Attributes a class gained that hide nothing (``tqdm.pandas()``'s
``progress_apply``) stay, so the notebook's own code keeps working. Where even that fails (the
import machinery itself was replaced) the grade cell fails, saying so.

This raises the bar for the cheats a test would otherwise miss; it is not a wall against code
that searches the interpreter for the snapshot itself — the sandbox is that wall.
"""

from __future__ import annotations

import importlib
import sys
import types

GUARDED = ("builtins", "math", "numpy", "numpy.testing", "pandas", "pandas.testing",
           "sklearn.metrics", "sklearn.model_selection", "labs.data")
ALIASES = {"np": "numpy", "pd": "pandas"}  # names hidden tests use for the modules

_snapshots: dict[str, tuple[types.ModuleType, dict]] = {}
_classes: dict[type, dict] = {}
_HEAP_TYPE, _IMMUTABLE_TYPE = 1 << 9, 1 << 8  # CPython type flags: defined in Python, frozen

SNAPSHOT_CODE = "__import__('autograde.guard').guard.snapshot()"
"""What the kernel runs at start, before any notebook code (it leaves no names behind)."""
RESTORE_PREFIX = (
    "try:\n"
    "    __import__('autograde.guard').guard.restore()\n"
    "except Exception:\n"
    "    raise RuntimeError(\"the notebook broke Python's own machinery (imports or builtins),"
    " so its tests cannot be trusted\") from None\n")
"""What the executor runs at the start of each grade cell, before the cell's own code."""


def snapshot() -> None:
    """Import the guarded modules that are installed and remember their attributes."""
    for name in GUARDED:
        try:
            module = importlib.import_module(name)
        except Exception:  # not installed here, or broken: nothing to guard
            continue
        _snapshots[name] = (module, dict(vars(module)))
        for value in list(vars(module).values()):
            if isinstance(value, type):
                for cls in value.__mro__:
                    if _patchable(cls) and cls not in _classes:
                        _classes[cls] = dict(vars(cls))


def _patchable(cls: type) -> bool:
    return bool(cls.__flags__ & _HEAP_TYPE) and not cls.__flags__ & _IMMUTABLE_TYPE


def restore() -> None:
    """Put back every guarded module, each attribute it had, and the aliases ``np``, ``pd``."""
    for name, (module, attributes) in _snapshots.items():
        sys.modules[name] = module
        current = vars(module)
        for key, value in attributes.items():
            if current.get(key, _MISSING) is not value:
                current[key] = value
    for cls, attributes in _classes.items():
        current = vars(cls)
        for key in [k for k in current if k not in attributes and _inherited(cls, k)]:
            delattr(cls, key)
        for key, value in attributes.items():
            if current.get(key, _MISSING) is not value:
                setattr(cls, key, value)
    user = _user_namespace()
    for alias, name in ALIASES.items():
        if name in _snapshots and alias in user and user[alias] is not _snapshots[name][0]:
            user[alias] = _snapshots[name][0]


_MISSING = object()


def _inherited(cls: type, name: str) -> bool:
    """Whether a base of ``cls`` defined ``name`` when snapshotted (a new attribute hides it)."""
    return any(name in _classes.get(base, vars(base)) for base in cls.__mro__[1:])


def _user_namespace() -> dict:
    try:
        from IPython import get_ipython
    except ImportError:
        return {}
    shell = get_ipython()
    return shell.user_ns if shell is not None else {}
