"""Feedback that says which hidden tests failed and why, without showing their code.

nbgrader's feedback renders the autograded notebook as is, so the hidden tests restored into
it — and the tracebacks that quote them — reach the student (nbgrader issue #917). This
preprocessor, listed in nbgrader_config.py for GenerateFeedback, replaces each hidden block
with a placeholder and cuts error tracebacks in grade cells down to their message.
"""

from __future__ import annotations

import re

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
