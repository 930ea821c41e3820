"""Printing a page of the site from the browser: no controls, no address of the machine showing it, addresses on
the published site for links within the hub, and no page left nearly empty."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import SITE_URL as PUBLISHED

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.e2e

PAGES = ["exercises/exercise-6-risk-taking/", "scenarios/sandra/", "stars/culture-star/", "exercises/plan/", ""]


@pytest.mark.parametrize("name", PAGES, ids=lambda name: name or "home")
def test_a_printed_page(site_url: str, browser: Browser, tmp_path: Path, name: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(site_url + name, wait_until="load")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "127.0.0.1" not in text and "localhost" not in text and "file:" not in text
    for control in ("Print the star", "Clear the scores", "Copy the command", "Skip to content", "Back to top"):
        assert control not in text, control
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    if len(pages) > 1:
        lines = [line for line in pages[-1].splitlines() if line.strip()]
        assert len(lines) >= 5, f"the last of {len(pages)} pages holds only: {lines}"
    if name.startswith("exercises/exercise-"):
        assert re.search(rf"<{re.escape(PUBLISHED)}[^>]+>", text.replace("\n", ""))
