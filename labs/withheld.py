"""The notebook's rows withheld while a hidden test runs the learner's code (kernel side).

``data.sealed()`` stops a learner's function from reloading a data set; the notebook's own
``test`` frame, or an array built from it under another name, would still be in reach. A hidden
block calls the learner's function through `call`, run in the kernel
(``in_kernel("labs.withheld.call")(fit, rows)``): every frame, series, index, array or collection
of rows in the notebook's namespace is replaced by a stand-in that refuses any use, saying why,
and put back as it was when the call returns.
"""

from __future__ import annotations

import warnings
from typing import Any

KEPT = ("In", "Out", "_oh", "_ih", "_dh", "get_ipython", "exit", "quit")


class Withheld:
    """Stands for a withheld value: any use raises, naming it."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def _refuse(self, *_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(
            f"the notebook's `{object.__getattribute__(self, '_name')}` is withheld while the "
            "grader runs your code: use only the rows passed in")

    __getattr__ = __getitem__ = __len__ = __iter__ = __array__ = __call__ = _refuse


def holds_rows(value: Any, top: bool = True) -> bool:
    """Whether ``value`` is (or directly holds) rows of a data set."""
    import numpy
    import pandas

    if isinstance(value, (pandas.DataFrame, pandas.Series, pandas.Index)):
        return len(value) >= 50
    if isinstance(value, numpy.ndarray):
        return value.ndim >= 1 and len(value) >= 200
    if type(value).__module__.startswith("scipy.sparse"):
        return True
    if isinstance(value, (list, tuple)):
        return len(value) >= 500 or (top and any(holds_rows(v, False) for v in value[:20]))
    if isinstance(value, dict) and top:
        return any(holds_rows(v, False) for v in list(value.values())[:20])
    return False


def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)`` with the notebook's rows withheld (warnings silenced)."""
    from IPython import get_ipython

    shell = get_ipython()
    namespace = shell.user_ns if shell is not None else {}
    saved = {name: value for name, value in list(namespace.items())
             if not name.startswith("__") and name not in KEPT and holds_rows(value)}
    try:
        namespace.update({name: Withheld(name) for name in saved})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(*args, **kwargs)
    finally:
        namespace.update(saved)
