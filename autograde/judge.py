"""The trusted judge: every grade cell's verdict, computed where no student code runs.

A grade cell (its visible asserts and its hidden block) is not sent to the student's kernel.
The judge runs it here, in a scope of its own for each cell, where names resolve in this order:
what the cell itself binds; the judge's own imports (``np``, ``pd``, ``math``, ``warnings``,
``data`` — the trusted ``labs.data`` — and ``sealed``, ``learner``, ``LearnerError``); then the
learner's namespace in the kernel, through `KernelChannel`:

- plain data (None, bool, int, float, str, bytes, lists, tuples, sets and dicts of them, NumPy
  arrays and scalars, pandas frames, series and indexes) arrives as an exact copy of a built-in,
  NumPy or pandas type, decoded from JSON, ``.npy`` without pickle or Arrow IPC;
- anything else (a function, a fitted model) arrives as a `Handle`: calling it, reading its
  attributes or indexing it asks the kernel, and a handle passed back as an argument is the
  learner's object again. Arguments travel as pickle, which only the kernel reads.

So a learner's value cannot lie (no float subclass survives the trip), a learner's function
cannot see the expected values or the rows it is not given, hooks in the kernel cannot change
or read the tests, and nothing the kernel prints reaches the verdict. The verdict becomes the
cell's outputs — nothing if it passed, one error if it failed — for nbgrader to score as usual.
"""

from __future__ import annotations

import asyncio
import base64
import builtins
import contextlib
import functools
import importlib
import io
import json
import math
import pickle
import re
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import cloudpickle
import numpy as np
import pandas as pd
from nbformat import NotebookNode
from nbformat.v4 import new_output

from autograde import parsing
from autograde.boxed.channel import MIME
from labs import kit

parsing.serialize()  # arrays from the kernel are read (np.load) in several threads at once

MAX_REPLY_BYTES = 256 * 1024 * 1024
_HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$(.*?)^\s*### END HIDDEN TESTS\s*$",
                     re.MULTILINE | re.DOTALL)


class LearnerError(Exception):
    """An exception the learner's code raised in the kernel, re-raised here by name.

    Its class is named after the learner's and also derives from the built-in exception of that
    lineage (``ValueError``, ``KeyError`` …), so hidden tests catch it as they would locally.
    """


class ChannelError(RuntimeError):
    """The kernel did not answer a request of the judge's as the channel requires."""


class KernelDied(ChannelError):
    """The kernel died while the judge was waiting for it."""


class CellTimeout(ChannelError):
    """The learner's code ran past the cell's time limit during a judge's call (the kernel is
    interrupted; the verdict says so as a ``TimeoutError``)."""


def judges(config: Any, lab: str) -> bool:
    """Whether the judge gives ``lab``'s verdicts: every lab but those the course lists in
    ``c.Judge.in_kernel_labs`` (hidden tests not yet written for the judge, whose verdict the
    kernel gives, as in plain nbgrader — forgeable, and said so in the README)."""
    listed = config.Judge.get("in_kernel_labs", []) if "Judge" in config else []
    return lab not in set(listed)


def is_test_cell(cell: NotebookNode) -> bool:
    """A cell nbgrader scores automatically: a graded code cell that is not an answer."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


# --- the channel ---------------------------------------------------------------------------

class KernelChannel:
    """Requests to the kernel's ``autograde.boxed.channel.serve``, from a judge thread, over
    the kernel client that nbclient holds (its event loop runs in another thread)."""

    def __init__(self, client: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.client, self.loop = client, loop  # an nbclient NotebookClient (kc and km)
        self.deadline = math.inf
        self.seconds = 0.0  # the limit the deadline stands for, for the message

    CODE = "__import__('autograde.boxed.channel', fromlist=['serve']).serve()"

    def request(self, message: dict) -> dict:
        future = asyncio.run_coroutine_threadsafe(self._roundtrip(_pickle(message)), self.loop)
        return future.result()

    async def _roundtrip(self, payload: bytes) -> dict:
        """Send the request as the buffer of an execute request; its one reply back."""
        kc = self.client.kc
        content = {"code": self.CODE, "silent": True, "store_history": False,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": False}
        request = kc.session.msg("execute_request", content)
        kc.session.send(kc.shell_channel.socket, request, buffers=[payload])
        msg_id = request["header"]["msg_id"]
        replies: list[Any] = []
        while True:
            message = await self._next(kc.iopub_channel)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind in ("display_data", "update_display_data") and MIME in content.get("data", {}):
                replies.append(content["data"][MIME])
            elif kind == "status" and content.get("execution_state") == "idle":
                break
        while True:
            shell = await self._next(kc.shell_channel)
            if shell.get("parent_header", {}).get("msg_id") == msg_id:
                break
        if shell["content"].get("status") != "ok" or len(replies) != 1:
            raise ChannelError("the kernel did not answer the grader's call (its reply was "
                               f"{shell['content'].get('status')!r} with {len(replies)} results)")
        reply = replies[0]
        if not isinstance(reply, dict) or len(json.dumps(reply)) > MAX_REPLY_BYTES:
            raise ChannelError("the kernel's answer to the grader's call was not plain data")
        return reply

    async def _next(self, channel: Any) -> dict:
        """The next message of ``channel`` before the deadline, watching the kernel live."""
        while True:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                await self._interrupt()
                raise CellTimeout(f"your code ran past the grader's limit of {self.seconds:g} s "
                                  "per cell while the grader was calling it, and was stopped")
            try:
                return await channel.get_msg(timeout=min(1.0, remaining))
            except Exception as error:  # queue.Empty: nothing yet
                if type(error).__name__ != "Empty":
                    raise
            if not await self.client.km.is_alive():
                raise KernelDied("the kernel died while the grader was calling your code "
                                 "(os._exit, a crash, or past the memory limit)")

    async def _interrupt(self) -> None:
        with contextlib.suppress(Exception):
            await self.client.km.interrupt_kernel()


class _RequestPickler(cloudpickle.Pickler):
    """Handles travel as references to the kernel's own objects; functions a hidden block
    defines travel by value (cloudpickle), so a check can run one in the kernel."""

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, Handle):
            return ("handle", object.__getattribute__(obj, "_id"))
        return None


def _pickle(message: dict) -> bytes:
    buffer = io.BytesIO()
    _RequestPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(message)
    return buffer.getvalue()


# --- values --------------------------------------------------------------------------------

class Handle:
    """A learner's object that stays in the kernel: calls, attributes, items and ``len`` go
    there; ``type_names`` holds its class and bases as the kernel named them.

    Each handle's class is named after the learner's object's class, and ``isinstance`` with a
    class of a library the judge has loaded itself (``sklearn.pipeline.Pipeline``) answers as
    it would in the kernel — as the kernel reports it, which is fine for checks of structure,
    never for a verdict on values.
    """

    __slots__ = ("_judge", "_id", "type_name", "type_names", "_callable")

    def __init__(self, judge: Judge, tree: dict) -> None:
        object.__setattr__(self, "_judge", judge)
        object.__setattr__(self, "_id", int(tree["id"]))
        object.__setattr__(self, "type_name", str(tree.get("type", "")))
        object.__setattr__(self, "type_names", tuple(str(n) for n in tree.get("mro", ())))
        object.__setattr__(self, "_callable", bool(tree.get("callable")))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # copy, pickle and numpy probe dunders: none are remote
        return self._judge.ask("getattr", target=self, name=name)

    @property
    def __class__(self) -> type:  # isinstance() consults it when type() does not match
        return _judge_class(self.type_name) or type(self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("the learner's objects are read-only to the grader")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not self._callable:
            raise TypeError(f"the learner's {self.type_name} is not callable")
        return self._judge.ask("call", target=self, args=args, kwargs=kwargs,
                               sealed=self._judge.sealed_depth > 0)

    def __getitem__(self, key: Any) -> Any:
        return self._judge.ask("getitem", target=self, key=key)

    def __len__(self) -> int:
        return int(self._judge.ask("len", target=self))

    def __iter__(self) -> Iterator[Any]:
        return iter(self._judge.ask("list", target=self))

    def __bool__(self) -> bool:
        raise TypeError(f"the learner's {self.type_name} has no truth value for the grader: "
                        "a check must compare plain values")

    def __repr__(self) -> str:
        return f"<the learner's {self.type_name}>"

    def is_a(self, dotted: str) -> bool:
        """Whether the learner's object is an instance of the class ``dotted`` names (asked in
        the kernel, as ``isinstance`` would be there)."""
        return bool(self._judge.ask("isinstance", target=self, type=dotted))


@functools.lru_cache(maxsize=512)
def _handle_class(dotted: str) -> type:
    """A subclass of Handle named as the learner's class is (``type(h).__name__`` reads as in
    the kernel)."""
    module, _, name = dotted.rpartition(".")
    name = name if name.isidentifier() else "Handle"
    return type(name, (Handle,), {"__slots__": (), "__module__": module or "learner",
                                  "__qualname__": name})


JUDGE_LIBRARIES = ("sklearn", "numpy", "pandas", "scipy", "keras", "tensorflow", "collections")


def _judge_class(dotted: str) -> type | None:
    """The class ``dotted`` names, if a library the judge trusts already has it loaded here
    (never an import the kernel asked for)."""
    import sys

    module, _, name = dotted.rpartition(".")
    if module.split(".")[0] not in JUDGE_LIBRARIES or module not in sys.modules:
        return None
    found = getattr(sys.modules[module], name, None)
    return found if isinstance(found, type) else None


def decode(tree: Any, judge: Judge, depth: int = 0) -> Any:
    """A value from the kernel's tagged tree, as exact built-in, NumPy and pandas types."""
    if depth > 64 or not isinstance(tree, dict) or not isinstance(tree.get("t"), str):
        raise ChannelError("malformed value from the kernel")
    kind, value = tree["t"], tree.get("v")

    def inner(item: Any) -> Any:
        return decode(item, judge, depth + 1)

    if kind == "none":
        return None
    if kind == "bool":
        return value is True
    if kind == "int":
        return int(str(value))
    if kind == "float":
        return float.fromhex(str(value))
    if kind == "str":
        return str(value)
    if kind == "bytes":
        return base64.b64decode(str(value))
    if kind in ("list", "tuple", "set", "frozenset"):
        items = [inner(item) for item in _sequence(value)]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[kind](items)
    if kind == "dict":
        return {inner(k): inner(v) for k, v in (_pair(p) for p in _sequence(value))}
    if kind == "npy":
        return _load_npy(value)
    if kind == "npscalar":
        return _load_npy(value)[()]
    if kind == "objarray":
        items = [inner(item) for item in _sequence(value)]
        array = np.empty(len(items), dtype=object)
        array[:] = items
        return array.reshape([int(n) for n in _sequence(tree.get("shape"))])
    if kind == "pandas":
        return _load_pandas(tree, inner)
    if kind == "handle":
        handle = _handle_class(str(tree.get("type", "")))(judge, tree)
        judge.handles.add(handle._id)
        return handle
    raise ChannelError(f"unknown kind of value {kind!r} from the kernel")


def _sequence(value: Any) -> list:
    if not isinstance(value, list):
        raise ChannelError("malformed value from the kernel")
    return value


def _pair(value: Any) -> tuple:
    if not isinstance(value, list) or len(value) != 2:
        raise ChannelError("malformed value from the kernel")
    return value[0], value[1]


def _load_npy(text: Any) -> np.ndarray:
    array = np.load(io.BytesIO(base64.b64decode(str(text))), allow_pickle=False)
    if array.dtype.hasobject:
        raise ChannelError("an array of objects cannot cross as plain data")
    return array


def _load_pandas(tree: dict, inner: Any) -> Any:
    import pyarrow as pa

    table = pa.ipc.open_stream(base64.b64decode(str(tree.get("v")))).read_all()
    if any(isinstance(field.type, pa.ExtensionType) for field in table.schema):
        raise ChannelError("a frame with extension types cannot cross as plain data")
    frame = table.to_pandas()
    kind = tree.get("kind")
    name = inner(tree.get("name", {"t": "none"}))
    if kind == "series":
        return frame["c0"].rename(name)
    if kind == "index":
        return pd.Index(frame["c0"], name=name)
    if kind == "frame":
        columns = inner(tree.get("columns", {"t": "list", "v": []}))
        if len(columns) != frame.shape[1]:
            raise ChannelError("malformed frame from the kernel")
        return frame.set_axis(columns, axis=1)
    raise ChannelError("malformed frame from the kernel")


def learner_error(description: Any) -> LearnerError:
    """The learner's exception, as an instance of a class of the same name (see LearnerError)."""
    if not isinstance(description, dict):
        return LearnerError("the learner's code raised an error")
    name = str(description.get("type", "Exception"))[:100]
    if not name.isidentifier():
        name = "LearnerException"
    base = _trusted_base([str(n) for n in description.get("mro", ())])
    cls = _error_classes.get((name, base))
    if cls is None:
        try:
            cls = type(name, (base, LearnerError), {"__module__": "learner"})
        except TypeError:
            cls = type(name, (LearnerError,), {"__module__": "learner"})
        _error_classes[(name, base)] = cls
    return cls(str(description.get("message", ""))[:2000])


_error_classes: dict[tuple[str, type], type] = {}


def _trusted_base(mro: list[str]) -> type:
    """The first class in the learner's exception's lineage that the judge knows itself."""
    from labs import data

    known = {"labs.data.DataSealedError": data.DataSealedError,
             "labs.data.UnknownDatasetError": data.UnknownDatasetError}
    for dotted in mro:
        if dotted in known:
            return known[dotted]
        module, _, name = dotted.rpartition(".")
        candidate = getattr(builtins, name, None) if module == "builtins" else None
        if isinstance(candidate, type) and issubclass(candidate, Exception):
            return candidate
    return Exception


# --- the judge -----------------------------------------------------------------------------

class Learner:
    """``learner.name``: the learner's variable ``name``, even where the cell binds its own."""

    def __init__(self, judge: Judge) -> None:
        self._judge = judge

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._judge.lookup(name)


class JudgeData:
    """``labs.data`` as the judge sees it: the same loaders, each data set read once per
    process (a fresh copy per call), and ``sealed`` sealing the kernel's loaders, never the
    judge's own (other notebooks are judged beside this one)."""

    def __init__(self, judge: Judge) -> None:
        self.sealed = judge.sealed

    def __reduce__(self) -> tuple:  # a hidden function run in the kernel gets the real module
        return importlib.import_module, ("labs.data",)

    def __getattr__(self, name: str) -> Any:
        from labs import data

        return getattr(data, name)

    def load(self, name: str) -> pd.DataFrame:
        return _cached_load(name).copy()

    def split(self, name: str, test_size: float = 0.25) -> tuple[pd.DataFrame, pd.DataFrame]:
        train, test = _cached_split(name, test_size)
        return train.copy(), test.copy()


@functools.lru_cache(maxsize=32)
def _cached_load(name: str) -> pd.DataFrame:
    from labs import data

    return data.load(name)


@functools.lru_cache(maxsize=32)
def _cached_split(name: str, test_size: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    from labs import data

    return data.split(name, test_size)


_ABSENT = object()


class CellScope(dict):
    """A grade cell's globals: its own names, the judge's, builtins, then the learner's.

    What the cell binds stays the cell's own, so a check never overwrites a learner's name.
    One idiom of nbgrader courses reaches the kernel: ``del`` of a learner's name removes it
    there (to test that one function relies on another), and binding that name again in the
    same cell puts the value back there.
    """

    def __init__(self, judge: Judge, preset: dict) -> None:
        super().__init__(preset)
        self.judge = judge
        self.learners: set[str] = set()  # names looked up in the kernel, cached here
        self.lent: set[str] = set()  # learner's names this cell deleted in the kernel

    def __missing__(self, name: str) -> Any:
        if hasattr(builtins, name):
            return getattr(builtins, name)
        value = self.judge.lookup(name)
        super().__setitem__(name, value)
        self.learners.add(name)
        return value

    def __setitem__(self, name: str, value: Any) -> None:
        if name in self.lent:
            self.judge.ask("bind", name=name, value=value)
            self.lent.discard(name)
            self.learners.add(name)
        else:
            self.learners.discard(name)
        super().__setitem__(name, value)

    def __delitem__(self, name: str) -> None:
        if super().__contains__(name) and name not in self.learners:
            super().__delitem__(name)
            return
        self.judge.ask("unbind", name=name)
        self.learners.discard(name)
        self.lent.add(name)
        if super().__contains__(name):
            super().__delitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        """``globals().get(name)`` in a check sees the learner's names too."""
        try:
            return self[name]
        except NameError:
            return default

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (isinstance(name, str)
                                              and self.get(name, _ABSENT) is not _ABSENT)


class Judge:
    """Runs grade cells against one learner's kernel (see the module's docstring)."""

    def __init__(self, channel: KernelChannel, cell_seconds: float,
                 kernel_cpu: Callable[[], float | None] = lambda: None) -> None:
        self.channel, self.cell_seconds = channel, cell_seconds
        self.kernel_cpu = kernel_cpu  # CPU seconds the learner's box has used, or None
        self.handles: set[int] = set()
        self.sealed_depth = 0
        self.timed_out = False  # whether the last cell judged ran past its limit

    def ask(self, op: str, **fields: Any) -> Any:
        reply = self.channel.request({"op": op, **fields})
        if reply.get("ok") is True:
            return decode(reply.get("value"), self)
        if "missing" in reply:
            raise NameError(f"name {str(reply['missing'])[:100]!r} is not defined")
        raise learner_error(reply.get("error"))

    def lookup(self, name: str) -> Any:
        return self.ask("get", name=name)

    def run_in_kernel(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a function the check defines in the learner's kernel (sent by value), e.g. to
        inspect a learner's function (its code, its globals) or trace a call there. What it
        returns is only as trustworthy as the kernel: use it for structure, not for values."""
        return self.ask("call", target=function, args=args, kwargs=kwargs,
                        sealed=self.sealed_depth > 0)

    def cpu_clocks(self) -> tuple[Callable[[], float], Callable[[], float]] | None:
        """The learner's kernel's CPU clock, read from its box's account (the kernel cannot
        set it), and this judging thread's; None where the box keeps no CPU account."""
        if self.kernel_cpu() is None:
            return None
        return self.kernel_cpu, time.thread_time

    def in_kernel(self, dotted: str) -> Any:
        """The course's own helper ``dotted`` (``labs.…``) as the kernel has it: a handle,
        e.g. to read what a spy passed to the learner's code recorded there."""
        return self.ask("resolve", dotted=dotted)

    @contextlib.contextmanager
    def sealed(self) -> Iterator[None]:
        """Calls to the learner's code made meanwhile run with ``labs.data``'s loaders sealed
        in the kernel, so code that reloads the full data set fails saying why."""
        self.sealed_depth += 1
        try:
            yield
        finally:
            self.sealed_depth -= 1

    def preset(self) -> dict:
        return {"__name__": "__judge__", "__builtins__": builtins, "np": np, "pd": pd,
                "math": math, "warnings": warnings, "data": JudgeData(self),
                "sealed": kit.sealed, "learner": Learner(self), "LearnerError": LearnerError,
                "in_kernel": kit.in_kernel, "run_in_kernel": kit.run_in_kernel}

    def verdict(self, cell: NotebookNode) -> list[NotebookNode]:
        """The cell's outputs after judging it: none if every check passed, else one error.

        Raises `KernelDied` (after the verdict is in ``cell.outputs``) if the kernel died.
        """
        grade_id = cell.metadata["nbgrader"].get("grade_id", "tests")
        filename = f"<grade cell {grade_id}>"
        self.channel.deadline = time.monotonic() + self.cell_seconds
        self.channel.seconds = self.cell_seconds
        self.sealed_depth = 0
        self.timed_out = False
        try:
            code = compile(cell.source, filename, "exec", dont_inherit=True)
            with warnings.catch_warnings(), kit.judging(self):
                warnings.simplefilter("ignore")
                exec(code, CellScope(self, self.preset()))
        except KernelDied as error:
            cell.outputs = [_error_output(error, "")]
            raise
        except CellTimeout as error:
            self.timed_out = True
            cell.outputs = [new_output("error", ename="TimeoutError", evalue=str(error),
                                       traceback=[f"TimeoutError: {error}"])]
        except BaseException as error:  # every failure of the cell is a verdict, never ours
            cell.outputs = [_error_output(error, _where(error, filename, cell.source))]
        else:
            cell.outputs = []
        finally:
            self._forget()
        return cell.outputs

    def _forget(self) -> None:
        """Let the kernel drop the objects this cell's handles stood for."""
        if self.handles:
            numbers, self.handles = sorted(self.handles), set()
            self.channel.deadline = time.monotonic() + 10
            with contextlib.suppress(Exception):
                self.channel.request({"op": "forget", "handles": numbers})


def _where(error: BaseException, filename: str, source: str) -> str:
    """Where in the cell the check failed, if it was a visible line (hidden lines stay
    hidden): "line 3 of this test cell"."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if frame.filename == filename]
    if not lines:
        return ""
    hidden = set()
    for match in _HIDDEN.finditer(source):
        first = source.count("\n", 0, match.start()) + 1
        hidden.update(range(first, source.count("\n", 0, match.end()) + 2))
    return "" if lines[-1] in hidden else f"line {lines[-1]} of this test cell"


def _error_output(error: BaseException, where: str) -> NotebookNode:
    name = type(error).__name__
    message = str(error) or ("a check failed" if isinstance(error, AssertionError) else name)
    if isinstance(error, ChannelError):
        name = "GradingError"
    first = f"{name}: {message}"
    return new_output("error", ename=name, evalue=message,
                      traceback=[first] + ([f"(at {where})"] if where else []))

