"""Feedback that says which hidden tests failed and why, without showing their code.

nbgrader's feedback renders the autograded notebook as is, so the hidden tests restored into
it — and the tracebacks that quote them — reach the student (nbgrader issue #917). This
preprocessor, listed in nbgrader_config.py for GenerateFeedback, replaces each hidden block
with a placeholder and cuts error tracebacks in grade cells down to their message.

`FeedbackExporter` renders the page: nbconvert's HTML exporter, compiling its templates once
per process instead of once per notebook.
"""

from __future__ import annotations

import re
import threading

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool

HIDDEN_BLOCK = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.DOTALL)
PLACEHOLDER = "# (hidden tests ran here; their messages are below)"


class HideHiddenTests(Preprocessor):
    enabled = Bool(True)  # converters register preprocessors disabled unless they say so

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        if cell.cell_type != "code" or not cell.metadata.get("nbgrader", {}).get("grade"):
            return cell, resources
        if HIDDEN_BLOCK.search(cell.source):
            cell.source = HIDDEN_BLOCK.sub(PLACEHOLDER, cell.source)
            for output in cell.outputs:
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory and shared by every environment of the
    process (Jinja checks each template's source before reusing its code)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code


_COMPILED = _CompiledTemplates()


class FeedbackExporter(HTMLExporter):
    """nbconvert's HTML exporter whose templates are compiled once per process.

    nbgrader makes a new exporter, and so a new Jinja environment, for every feedback page;
    compiling the templates again was about a third of the time each page took.
    """

    def _create_environment(self) -> Environment:
        environment = super()._create_environment()
        environment.bytecode_cache = _COMPILED
        return environment
