"""Browser fixtures for the site's tests: one Chromium and one local web server per module.

Load with ``pytest_plugins = ["site_fixtures"]``; the server serves the
session's built site (the ``built`` fixture of conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from site_browser import ARGS, CHROMIUM, served


@pytest.fixture(scope="module")
def site_url(built: Path) -> Iterator[str]:
    with served(built / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A British-English desktop page (24-hour clock in time fields) that fails on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []
