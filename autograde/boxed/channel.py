"""The kernel's end of the judge's channel: look up a learner's name, call a learner's function.

The judge (``autograde.judge``, on the trusted side) runs each hidden test in its own process and
reaches the learner's kernel only through ``serve``: one request per execute request, one reply
published as a display message of type ``MIME``. A reply is plain data (JSON, ``.npy`` without
pickle, Arrow IPC), or a handle — a number standing for an object that stays in this kernel —
so no object the learner made ever reaches the judge. A student can change this module at will;
all that buys is a different reply, which is no more than what their own function could return.
"""

from __future__ import annotations

import base64
import contextlib
import io
import itertools
import pickle
from typing import Any

MIME = "application/vnd.acelabs.reply+json"
_MISSING = object()
_handles: dict[int, Any] = {}
_numbers = itertools.count(1)


class _Unpickler(pickle.Unpickler):
    """The judge's arguments, with handles turned back into the objects they stand for."""

    def persistent_load(self, pid: Any) -> Any:
        kind, number = pid
        if kind != "handle" or number not in _handles:
            raise pickle.UnpicklingError(f"no object behind handle {number}")
        return _handles[number]


def serve() -> None:
    """Answer the judge's request — a pickle in the first buffer of the execute request that
    runs this — with a display message (a payload in the code itself would make IPython
    tokenize megabytes)."""
    from IPython import get_ipython
    from IPython.display import publish_display_data

    try:
        parent = get_ipython().kernel.get_parent("shell")
        message = _Unpickler(io.BytesIO(bytes(parent["buffers"][0]))).load()
        reply = {"ok": True, "value": encode(_answer(message))}
    except _Missing as missing:
        reply = {"ok": False, "missing": str(missing)}
    except BaseException as error:  # the learner's error, reported, never raised here
        reply = {"ok": False, "error": _describe(error)}
    publish_display_data({MIME: reply})


class _Missing(Exception):
    pass


def _answer(message: dict) -> Any:
    op = message["op"]
    if op == "get":
        value = _namespace().get(message["name"], _MISSING)
        if value is _MISSING:
            raise _Missing(message["name"])
        return value
    if op == "unbind":  # a test cell's ``del`` of a learner's name, as in nbgrader
        if _namespace().pop(message["name"], _MISSING) is _MISSING:
            raise _Missing(message["name"])
        return None
    if op == "bind":  # the same cell putting that name back
        _namespace()[message["name"]] = message["value"]
        return None
    if op == "resolve":  # a helper of the course's own, e.g. "labs.spies.records"
        import importlib

        module, _, name = message["dotted"].rpartition(".")
        if not module.startswith("labs."):
            raise ValueError("only the course's own helpers can be resolved")
        return getattr(importlib.import_module(module), name)
    if op == "forget":
        for number in message["handles"]:
            _handles.pop(number, None)
        return None
    target = message.get("target")
    if op == "getattr":
        return getattr(target, message["name"])
    if op == "getitem":
        return target[message["key"]]
    if op == "len":
        return len(target)
    if op == "list":
        return list(target)
    if op == "isinstance":
        return _isinstance(target, message["type"])
    if op == "call":
        with _sealed(message.get("sealed", False)):
            return target(*message.get("args", ()), **message.get("kwargs", {}))
    raise ValueError(f"unknown request {op!r}")


def _namespace() -> dict:
    from IPython import get_ipython

    return get_ipython().user_ns


def _isinstance(value: Any, dotted: str) -> bool:
    import importlib

    module, _, name = dotted.rpartition(".")
    return isinstance(value, getattr(importlib.import_module(module), name))


def _sealed(on: bool) -> contextlib.AbstractContextManager:
    if not on:
        return contextlib.nullcontext()
    from labs import data

    return data.sealed()


def _describe(error: BaseException) -> dict:
    return {"type": type(error).__name__, "message": str(error)[:2000],
            "mro": [f"{c.__module__}.{c.__qualname__}" for c in type(error).__mro__]}


# --- encoding ------------------------------------------------------------------------------

def encode(value: Any) -> dict:
    """``value`` as a tagged JSON tree: plain data by value, anything else by handle."""
    import numpy as np

    if value is None:
        return {"t": "none"}
    if isinstance(value, bool):
        return {"t": "bool", "v": bool.__bool__(value)} if type(value) is bool else _handle(value)
    if isinstance(value, int) and not isinstance(value, np.generic):
        return {"t": "int", "v": int.__repr__(value)}
    if isinstance(value, float) and not isinstance(value, np.generic):
        return {"t": "float", "v": float.hex(value)}
    if isinstance(value, str):
        return {"t": "str", "v": str.__str__(value)}
    if isinstance(value, bytes):
        return {"t": "bytes", "v": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, (list, tuple, set, frozenset)):
        kind = {list: "list", tuple: "tuple", set: "set", frozenset: "frozenset"}[
            next(k for k in (list, tuple, set, frozenset) if isinstance(value, k))]
        return {"t": kind, "v": [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"t": "dict", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, np.ndarray) and not isinstance(value, np.matrix):
        if value.dtype.hasobject:
            return {"t": "objarray", "shape": list(value.shape),
                    "v": [encode(item) for item in value.ravel().tolist()]}
        return {"t": "npy", "v": _npy(value)}
    if isinstance(value, np.generic) and not value.dtype.hasobject:
        return {"t": "npscalar", "v": _npy(np.asarray(value))}
    pandas = _pandas(value)
    if pandas is not None:
        return pandas
    return _handle(value)


def _handle(value: Any) -> dict:
    number = next(_numbers)
    _handles[number] = value
    kind = type(value)
    return {"t": "handle", "id": number, "type": f"{kind.__module__}.{kind.__qualname__}",
            "mro": [f"{c.__module__}.{c.__qualname__}" for c in kind.__mro__],
            "callable": callable(value)}


def _npy(array: Any) -> str:
    import numpy as np

    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array) if array.ndim else array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode()


def _pandas(value: Any) -> dict | None:
    """A DataFrame, Series or Index as Arrow IPC, or None if ``value`` is none of these (or
    Arrow cannot hold it: then it travels as a handle)."""
    import sys

    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    if isinstance(value, pd.DataFrame):
        kind, frame = "frame", value
    elif isinstance(value, pd.Series):
        kind, frame = "series", value.to_frame(name="values")
    elif isinstance(value, pd.Index) and not isinstance(value, pd.MultiIndex):
        kind, frame = "index", pd.DataFrame({"values": value})
    else:
        return None
    try:
        import pyarrow as pa

        columns = list(frame.columns)
        renamed = frame.set_axis([f"c{i}" for i in range(frame.shape[1])], axis=1)
        table = pa.Table.from_pandas(renamed, preserve_index=kind != "index")
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
    except Exception:
        return None
    name = value.name if kind != "frame" else None
    return {"t": "pandas", "kind": kind, "v": base64.b64encode(sink.getvalue()).decode(),
            "columns": encode(columns if kind == "frame" else []), "name": encode(name)}
