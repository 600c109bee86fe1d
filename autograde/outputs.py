"""An executed notebook keeps no output that could run script where it is shown.

A student's output is shown in the instructor's browser (formgrader, feedback pages, JupyterLab),
on the same origin as formgrader's API: an HTML output with a script could grade itself. So
after each notebook runs, every representation that can carry script — JavaScript, widget
views, HTML, SVG or Markdown with a script tag, an event handler or a ``javascript:`` link — is
removed; the plain-text ones stay, so scores (which read errors, stderr and text) are unchanged.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode

SCRIPT_TYPES = ("javascript", "ecmascript", "application/vnd.jupyter.widget")
MARKUP_TYPES = ("text/html", "image/svg+xml", "text/markdown")
SCRIPT_SIGNS = re.compile(
    r"<\s*/?\s*(script|iframe|frame|object|embed|base|meta|link|form|portal)\b"
    r"|\bon[a-z]+\s*="
    r"|(javascript|vbscript)\s*:"
    r"|\bsrcdoc\b",
    re.IGNORECASE)
REMOVED = "[output removed by the grader: it could run script in the page that shows it]"


def _runs_script(mime: str, value: object) -> bool:
    if any(kind in mime for kind in SCRIPT_TYPES):
        return True
    text = "".join(value) if isinstance(value, list) else str(value)
    return mime in MARKUP_TYPES and bool(SCRIPT_SIGNS.search(text))


def strip_scripts(nb: NotebookNode) -> int:
    """Remove every script-bearing representation from ``nb``'s outputs, in place; how many.

    An output left with no representation says in plain text that it was removed.
    """
    removed = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if output.get("output_type") not in ("display_data", "execute_result") or not data:
                continue
            for mime in [m for m, value in data.items() if _runs_script(m, value)]:
                del data[mime]
                output.get("metadata", {}).pop(mime, None)
                removed += 1
            if not data:
                data["text/plain"] = REMOVED
    return removed
