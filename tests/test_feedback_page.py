"""The feedback page a learner reads, in a real browser: built around questions, every message
fully visible, the next hint under a failed check, no hidden code; a screenshot is kept."""

from __future__ import annotations

import shutil

import pytest

from autograde import submissions
from tests import variants
from tests.conftest import grade_class

CHROMIUM = shutil.which("chromium")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]
LAB = "01-regression-baseline"


@pytest.fixture(scope="module")
def feedback_page(course, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("feedback")
    name = f"{LAB}.ipynb"
    source = submissions.read(course.path("source") / LAB / name)
    released = submissions.read(course.path("release") / LAB / name)
    wrong = next(v for v in variants.for_lab(LAB) if v.name == "wrong_numeric_only")
    answers = {**submissions.reference_answers(source), **wrong.cells}
    grade_class(course, workdir, LAB, {"learner": submissions.fill(released, answers)})
    return workdir / "feedback" / "learner" / LAB / f"{LAB}.html"


def test_the_page_names_questions_and_shows_every_message(feedback_page, tmp_path):
    text = feedback_page.read_text()
    assert "BEGIN HIDDEN TESTS" not in text and "_split(_full" not in text
    assert "No response." not in text
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 640, "height": 900})
        try:
            page.goto(feedback_page.as_uri())
            toc = page.locator("#toc").inner_text()
            assert "Q3 — a regressor that beats the baseline" in toc and "q3_tests" in toc
            error = page.locator("a[name='q3_tests'] ~ * .output_error pre, "
                                 "div.output_error pre").first
            error.scroll_into_view_if_needed()
            assert "need ≤ 0.070" in error.inner_text()
            fits = error.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
            right = error.bounding_box()["x"] + error.bounding_box()["width"]
            assert fits and right <= 640, "the message runs past the edge of the page"
            hint = page.locator("div.acelabs-hint").first
            assert "Hint:" in hint.inner_text() and hint.is_visible()
            page.screenshot(path=str(tmp_path / "feedback.png"), full_page=True)
        finally:
            browser.close()
