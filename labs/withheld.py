"""The notebook's rows withheld while a hidden test runs the learner's code (kernel side).

``data.sealed()`` stops a learner's function from reloading a data set; the notebook's own
``test`` frame, or an array built from it under another name, would still be in reach. A hidden
block calls the learner's function through `call`, run in the kernel
(``in_kernel("labs.withheld.call")(fit, rows)``): every frame, series, array or collection of
rows the notebook can reach — its names, whatever they are called, and what its functions keep
in default arguments, closures and class attributes — is replaced by a stand-in that refuses any
use, saying why, and put back as it was when the call returns. An index or dates alone stay (a
holiday calendar is a constant, not rows with their labels). `call_without_models` also
withholds the notebook's fitted models (a model fitted on later days knows them).
"""

from __future__ import annotations

import types
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

KEPT = ("In", "Out", "_oh", "_ih", "_dh", "get_ipython", "exit", "quit")
ROWS = 50  # a frame, series or index this long holds rows of a data set
LONG_ARRAY = 200  # so does an array this long, or one of at least ALIGNED that lines up with
ALIGNED = 20  # a withheld frame (the labels of its rows): shorter arrays are constants


class Withheld:
    """Stands for a withheld value: any use raises, naming it."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def _refuse(self, *_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(
            f"the notebook's `{object.__getattribute__(self, '_name')}` is withheld while the "
            "grader runs your code: use only the rows passed in")

    __getattr__ = __getitem__ = __len__ = __iter__ = __array__ = __call__ = _refuse


def holds_rows(value: Any, top: bool = True, lengths: frozenset[int] = frozenset()) -> bool:
    """Whether ``value`` is (or directly holds) rows of a data set; ``lengths`` are those of the
    frames already withheld, so an array lined up with one of them is its labels."""
    import numpy
    import pandas

    if isinstance(value, (pandas.Series, numpy.ndarray)) and value.dtype.kind in "mM":
        return False  # dates alone, like an index, are a calendar, not rows with their labels
    if isinstance(value, (pandas.DataFrame, pandas.Series)):
        return len(value) >= ROWS
    if isinstance(value, numpy.ndarray):
        size = len(value) if value.ndim else 0
        return size >= LONG_ARRAY or (size >= ALIGNED and size in lengths)
    if type(value).__module__.startswith("scipy.sparse"):
        return True
    if isinstance(value, (list, tuple)):
        return len(value) >= 500 or (top and any(holds_rows(v, False, lengths)
                                                 for v in value[:20]))
    if isinstance(value, dict) and top:
        return any(holds_rows(v, False, lengths) for v in list(value.values())[:20])
    return False


def is_fitted_model(value: Any) -> bool:
    """An estimator-like object (a fitted scikit-learn or Keras model), not its class."""
    return not isinstance(value, type) and all(
        callable(getattr(type(value), method, None)) for method in ("fit", "predict"))


def _frame_lengths(values: list[Any]) -> frozenset[int]:
    import pandas

    return frozenset(len(v) for v in values if isinstance(v, (pandas.DataFrame, pandas.Series))
                     and len(v) >= ROWS)


class _Places:
    """Where the notebook keeps values: its names, and its own functions' defaults, closures
    and class attributes — each place can be read, replaced and put back."""

    def __init__(self, namespace: dict) -> None:
        self.namespace = namespace

    def __iter__(self) -> Iterator[tuple[str, Any, Callable[[Any], None]]]:
        for name, value in list(self.namespace.items()):
            if name.startswith("__") or name in KEPT:
                continue
            yield name, value, lambda new, name=name: self.namespace.__setitem__(name, new)
            yield from self._inside(name, value)

    def _own(self, value: Any) -> bool:
        return getattr(value, "__module__", None) == "__main__"

    def _inside(self, name: str, value: Any) -> Iterator[tuple[str, Any, Callable]]:
        if isinstance(value, type) and self._own(value):
            for attribute, member in list(vars(value).items()):
                if not attribute.startswith("__"):
                    yield (f"{name}.{attribute}", member,
                           lambda new, c=value, a=attribute: setattr(c, a, new))
                    if isinstance(member, types.FunctionType):
                        yield from self._function(f"{name}.{attribute}", member)
        elif isinstance(value, types.FunctionType) and self._own(value):
            yield from self._function(name, value)

    @staticmethod
    def _function(name: str, function: types.FunctionType) -> Iterator[tuple[str, Any, Callable]]:
        for index, default in enumerate(function.__defaults__ or ()):
            def put(new, f=function, i=index):
                f.__defaults__ = (*f.__defaults__[:i], new, *f.__defaults__[i + 1:])
            yield f"{name} (a default argument)", default, put
        for key, default in (function.__kwdefaults__ or {}).items():
            yield (f"{name} (a default argument)", default,
                   lambda new, f=function, k=key: f.__kwdefaults__.__setitem__(k, new))
        for variable, cell in zip(function.__code__.co_freevars, function.__closure__ or (),
                                  strict=False):
            try:
                held = cell.cell_contents
            except ValueError:  # a variable not bound yet
                continue
            yield (f"{variable} (kept by {name})", held,
                   lambda new, c=cell: setattr(c, "cell_contents", new))


@contextmanager
def notebook_rows_withheld(models: bool = False) -> Iterator[None]:
    """While inside: the notebook's rows (and with ``models``, its fitted models) withheld."""
    from IPython import get_ipython

    shell = get_ipython()
    places = list(_Places(shell.user_ns if shell is not None else {}))
    lengths = _frame_lengths([value for _, value, _ in places])
    chosen = [(name, value, put) for name, value, put in places
              if holds_rows(value, lengths=lengths) or (models and is_fitted_model(value))]
    try:
        for name, _, put in chosen:
            put(Withheld(name))
        yield
    finally:
        for _, value, put in reversed(chosen):
            put(value)


def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)`` with the notebook's rows withheld (warnings silenced)."""
    with notebook_rows_withheld(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def call_without_models(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Like `call`, with the notebook's fitted models withheld too."""
    with notebook_rows_withheld(models=True), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)
