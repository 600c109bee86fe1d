"""Run one notebook: nbclient in a fresh kernel, bounded, in a directory of its own.

This is the untrusted side of grading. A `Job` carries everything the run needs (the prepared
notebook and the files beside it) as plain data, so it can cross a process, a sandbox or a
cluster; an `Outcome` carries the executed notebook back with a status the coordinator can
grade from. Run as ``python -m autograde.execute`` it reads a job as JSON on stdin and writes
the outcome as JSON on stdout — the form the sandboxed executors use.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output


@dataclass
class Limits:
    """Bounds on one notebook's run; see nbgrader_config.py for where they are set."""

    cell_seconds: int = 120
    notebook_seconds: int = 900
    output_bytes: int = 2_000_000


@dataclass
class Job:
    notebook: dict
    files: dict[str, str] = field(default_factory=dict)  # relative path -> base64 content
    limits: Limits = field(default_factory=Limits)
    label: str = ""

    @classmethod
    def from_directory(cls, nb: NotebookNode, directory: Path, limits: Limits,
                       label: str = "") -> Job:
        """A job for ``nb`` with every other file of ``directory`` beside it."""
        files = {
            str(path.relative_to(directory)): base64.b64encode(path.read_bytes()).decode()
            for path in sorted(directory.rglob("*"))
            if path.is_file() and path.suffix != ".ipynb"
        }
        return cls(notebook=dict(nb), files=files, limits=limits, label=label)


@dataclass
class Outcome:
    notebook: dict
    status: str  # "ok", "timeout", "kernel-died", "rejected"
    message: str = ""
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return self.status == "ok"


class BoundedClient(NotebookClient):
    """nbclient with a budget for the bytes of output a notebook may keep."""

    def __init__(self, nb: NotebookNode, output_bytes: int, **kwargs) -> None:
        super().__init__(nb, **kwargs)
        self.output_budget = output_bytes
        self.truncated_cells: set[tuple[int, str]] = set()

    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if out is None or out.output_type == "error":
            return out  # errors are small and decide the score: always keep them
        size = len(json.dumps(out))
        if size <= self.output_budget:
            self.output_budget -= size
            return out
        outs.remove(out)
        stream = out.get("name", "stdout")  # keep "wrote to stderr", which decides a score
        if (cell_index, stream) not in self.truncated_cells:
            self.truncated_cells.add((cell_index, stream))
            note = new_output("stream", name=stream,
                              text="[output limit reached: further output was dropped]\n")
            outs.append(note)
        return None


def mark_unrun_cells(nb: NotebookNode, reason: str) -> NotebookNode:
    """Give every code cell that never ran an error output.

    nbgrader scores a grade cell with no error as passed, so a cell the run never reached
    (after a dead kernel or a time limit) must carry an error to score 0.
    """
    for cell in nb.cells:
        ran = cell.get("execution_count") is not None or any(
            output.output_type == "error" for output in cell.get("outputs", []))
        if cell.cell_type == "code" and cell.source.strip() and not ran:
            cell.outputs.append(new_output("error", ename="NotRun", evalue=reason,
                                           traceback=[f"NotRun: {reason}"]))
    return nb


def run(job: Job) -> Outcome:
    """Execute the job's notebook in a temporary directory holding its files."""
    nb = nbformat.from_dict(job.notebook)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="acelabs-run-") as workdir:
        for relative, content in job.files.items():
            target = Path(workdir, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(content))
        client = BoundedClient(
            nb, job.limits.output_bytes, timeout=job.limits.cell_seconds, allow_errors=True,
            kernel_name="python3", interrupt_on_timeout=True,
            extra_arguments=["--HistoryManager.hist_file=:memory:"],
            resources={"metadata": {"path": workdir}},
        )
        status, message = "ok", ""
        try:
            client.execute()
        except DeadKernelError:
            status, message = "kernel-died", "the kernel died (os._exit, a crash or out of memory)"
            mark_unrun_cells(nb, message)
        except CellTimeoutError as error:
            status, message = "timeout", str(error).splitlines()[0]
        except CellExecutionError as error:  # only with allow_errors off; kept for safety
            status, message = "error", str(error).splitlines()[0]
    return Outcome(dict(nb), status, message, time.monotonic() - started)


def main() -> int:
    payload = json.load(sys.stdin)
    payload["limits"] = Limits(**payload["limits"])
    outcome = run(Job(**payload))
    json.dump(asdict(outcome), sys.stdout)
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONSTARTUP", None)
    sys.exit(main())
