"""Feedback that says which hidden tests failed and why, without showing their code.

nbgrader's feedback renders the autograded notebook as is, so the hidden tests restored into
it — and the tracebacks that quote them — reach the student (nbgrader issue #917). This
preprocessor, listed in nbgrader_config.py for GenerateFeedback, replaces each hidden block
with a placeholder and cuts error tracebacks in grade cells down to their message.

`QuestionFeedback` names each test cell after the question it grades and puts the question's
first hint under a failed check; `FeedbackExporter` renders the page around those questions
(autograde/templates/acelabs_feedback), compiling its templates once per process.
"""

from __future__ import annotations

import copy
import html
import re
import threading
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_output
from traitlets import Bool
from traitlets.config import Config

from autograde.judge import is_test_cell

TEMPLATES = Path(__file__).parent / "templates"
NO_RESPONSE = "No response."
_HEADING = re.compile(r"^(?:#+\s*|\*\*)((?:Q|C)\d+)\b\.?\**\s*(?:[—:-]\s*)?(.*)$", re.MULTILINE)

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


class QuestionFeedback(Preprocessor):
    """Tell the feedback page which question each test cell grades, with its title, and add
    the question's first hint under each failed check; drop nbgrader's "No response."
    comments, which say only that an answer cell was left as released."""

    enabled = Bool(True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        lab = resources.get("nbgrader", {}).get("assignment", "")
        hints = _hints(lab)
        titles: dict[str, str] = {}
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                for match in _HEADING.finditer(cell.source):
                    title = re.sub(r"\s*\(\d+(?: \+ \d+)? points?\)\s*$", "", match.group(2))
                    titles.setdefault(match.group(1).lower(), f"{match.group(1)} — {title}"
                                      if title and len(title) < 80 else match.group(1))
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("comment") == NO_RESPONSE:
                meta["comment"] = None
            if not is_test_cell(cell):
                continue
            question = str(meta.get("grade_id", "")).split("_")[0]
            cell.metadata["acelabs"] = {"question": question,
                                        "title": titles.get(question, question)}
            failed = any(o.output_type == "error" for o in cell.get("outputs", []))
            if failed and hints.get(question):
                hint = html.escape(hints[question][0])
                cell.outputs.append(new_output("display_data", data={
                    "text/html": f'<div class="acelabs-hint"><b>Hint:</b> {hint} '
                                 f"(more: <code>hint(\"{question}\")</code>)</div>",
                    "text/plain": f"Hint: {hints[question][0]}"}))
        return nb, resources


def _hints(lab: str) -> dict[str, list[str]]:
    """The lab's hints by question, or none for a notebook that is not one of the labs."""
    try:
        from labs import check

        return check.hints_for(lab)
    except Exception:  # a course of its own: no hints to give
        return {}


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
    """nbconvert's HTML exporter for the course's feedback page, its templates compiled once
    per process.

    nbgrader makes a new exporter, and so a new Jinja environment, for every feedback page;
    compiling the templates again was about a third of the time each page took.
    """

    def __init__(self, config: Config | None = None, **kwargs) -> None:
        config = copy.deepcopy(config) if config is not None else Config()
        if config.HTMLExporter.get("template_name") == "feedback":  # nbgrader's: ours extends it
            config.FeedbackExporter.template_name = "acelabs_feedback"
            bases = list(config.HTMLExporter.get("extra_template_basedirs", []))
            config.FeedbackExporter.extra_template_basedirs = [str(TEMPLATES), *bases]
            # and "feedback/index.html.j2", the page ours extends, found by that name
            config.FeedbackExporter.extra_template_paths = [
                *config.HTMLExporter.get("extra_template_paths", []), *bases]
        super().__init__(config=config, **kwargs)

    def _create_environment(self) -> Environment:
        environment = super()._create_environment()
        environment.bytecode_cache = _COMPILED
        return environment
