"""Whether a person is at the keyboard, so that only their own checks, hints and solutions
are recorded in progress.

A notebook also runs with nobody there: nbgrader's Validate button and autograder (which set
``NBGRADER_EXECUTION``), ``jupyter nbconvert --execute``, papermill, any nbclient run, or a kernel
driven by a script. What they share is that nobody can answer ``input()``: nbclient sends
every cell with ``allow_stdin`` false, whereas JupyterLab, Notebook, VS Code and the Jupyter
console send it true. So in a kernel, the cell now running must allow stdin; outside one, only
an interactive interpreter (IPython's terminal, Python's ``>>>`` prompt) counts.
"""

from __future__ import annotations

import os
import sys

EXECUTION_FLAG = "NBGRADER_EXECUTION"


def _kernel_request_allows_stdin(kernel: object) -> bool:
    """Whether the execute request the kernel is running came from a front end that can ask."""
    try:
        parent = kernel.get_parent("shell")  # ipykernel ≥ 6
    except (AttributeError, TypeError):
        parent = getattr(kernel, "_parent_header", {}) or {}
    content = parent.get("content", {}) if isinstance(parent, dict) else {}
    if "allow_stdin" in content:
        return bool(content["allow_stdin"])
    return bool(getattr(kernel, "_allow_stdin", False))


def someone_at_keyboard() -> bool:
    """True in a notebook run by a person, or an interactive interpreter; False for Validate,
    nbgrader, nbconvert/nbclient, scripts and kernels without a front end."""
    if os.environ.get(EXECUTION_FLAG):
        return False
    shell = None
    if "IPython" in sys.modules:  # never import IPython just to ask
        from IPython import get_ipython

        shell = get_ipython()
    if shell is not None:
        kernel = getattr(shell, "kernel", None)
        return _kernel_request_allows_stdin(kernel) if kernel is not None else True
    return hasattr(sys, "ps1") or bool(sys.flags.interactive)
