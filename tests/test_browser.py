"""The learner in JupyterLab, driven through a real browser (Playwright and Debian's Chromium).

Start JupyterLab on a workspace made by `acelabs start`, open the lab, run all cells, see the
check() box, press nbgrader's Validate button and read its verdict; a screenshot is kept.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from autograde import submissions
from labs import progress
from tests.conftest import free_port
from tests.test_cli import acelabs
from tests.test_learner import LAB, answered

CHROMIUM = shutil.which("chromium")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]



@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab serving a fresh workspace; yields (base URL with token, workspace)."""
    workspace = tmp_path / "work"
    assert acelabs("start", LAB, "--dir", str(workspace), "--copy-only").returncode == 0
    port, token = free_port(), secrets.token_hex(16)
    log = (tmp_path / "jupyterlab.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.prefix) / "bin" / "jupyter"), "lab", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={workspace}", *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, cwd=workspace)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start: {(tmp_path / 'jupyterlab.log').read_text()}")
        yield base, token, workspace
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def accept_kernel_choice(page) -> bool:
    """Press Select in JupyterLab's "Select Kernel" dialog if it is open, as a person would
    (it opens when the kernel is slow to start or died under load); whether it was open."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if not dialog.count():
        return False
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    page.wait_for_selector(".jp-Dialog", state="detached", timeout=30_000)
    return True


def run_all_until(page, selector: str, attempts: int = 3):
    """Run all cells until ``selector`` exists, as a person would: if a kernel connection
    hiccup swallowed the run, restart the kernel and run all again."""
    for attempt in range(attempts):
        accept_kernel_choice(page)
        if attempt == 0:
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        else:
            page.get_by_role("menuitem", name="Kernel", exact=True).click()
            restart = re.compile("Restart Kernel and Run All")
            page.get_by_role("menuitem", name=restart).first.click()
            page.locator(".jp-Dialog-button.jp-mod-accept").click()
        # JupyterLab renders cells outside the viewport lazily: wait for it to exist, saying
        # which kernel to use whenever JupyterLab asks
        for _ in range(24):
            try:
                return page.wait_for_selector(selector, state="attached", timeout=10_000)
            except playwright.TimeoutError:
                if accept_kernel_choice(page):  # the run was lost with the kernel: again
                    break
        if attempt == attempts - 1:
            raise AssertionError(f"{selector} never appeared after Run All")
    return None


def test_learner_runs_checks_and_validates_in_jupyterlab(jupyterlab, tmp_path):
    base, token, workspace = jupyterlab
    notebook = workspace / LAB / f"{LAB}.ipynb"
    nb = answered("q1")
    after_q1 = next(i for i, cell in enumerate(nb.cells) if cell.get("id") == "q1") + 1
    # as the learner would type it; Run All stops at the first question still unanswered
    nb.cells.insert(after_q1, nbformat.v4.new_code_cell('check("q1")'))
    submissions.write(nb, notebook)

    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{base}/lab/tree/{LAB}/{LAB}.ipynb?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                                   timeout=90_000)
            page.click(".jp-Notebook")
            page.keyboard.press("Escape")
            verdict = run_all_until(page, ".acelabs-check")
            assert "acelabs-passed" in verdict.get_attribute("class")
            assert "the visible tests pass" in verdict.text_content()
            record = workspace / progress.MARKER / progress.DB_NAME
            by_the_learner = progress.history(record)
            assert ("q1", "check") in [(event[2], event[3]) for event in by_the_learner]

            page.click(".validate-button")
            # Validate runs the whole notebook again in the server: slow on a loaded machine
            message = page.wait_for_selector("#validation-message", state="attached",
                                             timeout=900_000)
            text = message.text_content()
            classes = message.get_attribute("class") or ""
            page.screenshot(path=str(tmp_path / "jupyterlab-validate.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(tmp_path / "jupyterlab-failed.png"), full_page=True)
            raise
        finally:
            browser.close()
    # Validate ran the check("q1") cell again, with nobody at the keyboard: nothing recorded
    assert progress.history(record) == by_the_learner
    # Only q1 is answered: nbgrader's Validate must say the other questions fail.
    assert "validation-failed" in classes, text
    assert "The following cell failed" in text and "NotImplementedError" in text
    assert (tmp_path / "jupyterlab-validate.png").stat().st_size > 10_000
