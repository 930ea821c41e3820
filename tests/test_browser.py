"""The built site in a real browser: Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def search(page: Page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.get_by_label("Search", exact=False).first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [href.split("#")[0].split("?")[0] for href in hrefs]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Tea-Brief", "guidance/supporting-staff-to-learn-together/"),
        ("MacKay", "case-studies/mr-and-mrs-mackay/"),
        ("conversational traps", "principles/conversational-traps/"),
        ("culture star", "stars/culture-star/"),
        ("outcomes-focused", "exercises/exercise-2-outcomes-focused-and-service-led-compared/"),
    ],
)
def test_search_finds_items_by_words_in_their_body(page: Page, site_url: str, query: str, expected: str) -> None:
    found = search(page, site_url, query)
    assert site_url + expected in found, found


def test_pages_request_nothing_from_other_hosts(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "exercises/", "exercises/exercise-1-defining-the-approach/", "scenarios/sandra/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site_url) for url in requested), requested
    assert page.context.cookies() == []
