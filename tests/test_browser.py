"""Finding things and privacy, in a real browser: search, the request log, cookies, instant navigation."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from site_browser import PLANNER

pytest_plugins = ["site_fixtures"]  # the browser, page and site_url fixtures
pytestmark = pytest.mark.e2e  # Chromium on the shared build


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
        ("culture star", "stars/culture-star/"),
        ("Tea-Brief", "guidance/supporting-staff-to-learn-together/"),
        ("positive risk", "guidance/positive-risk/"),
        ("MacKay", "case-studies/mr-and-mrs-mackay/"),
        ("exploratory questions", "questions/exploratory-questions/"),
        ("conversational traps", "principles/conversational-traps/"),
        ("outcomes-focused", "exercises/exercise-2-outcomes-focused-and-service-led-compared/"),
    ],
)
def test_search_finds_items_by_words_in_their_body(page: Page, site_url: str, query: str, expected: str) -> None:
    found = search(page, site_url, query)
    assert site_url + expected in found, found


def test_the_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page.get_by_role("dialog", name="Search")).to_have_count(1)


def test_pages_and_tools_request_nothing_from_other_hosts_and_set_no_cookies(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in (
        "",
        "exercises/",
        "exercises/exercise-1-defining-the-approach/",
        "scenarios/sandra/",
        "themes/",
        PLANNER + "#exercises=exercise-1-defining-the-approach",
        "audits/training-priorities/#ratings=5,4,3,2,1,0,0",
        "stars/culture-star/#first=6,4,7,8,5,3,6,7",
        "quizzes/personal-outcomes-quiz/",
    ):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.get_by_role("radio", name="Yes").first.check()
    page.get_by_role("button", name="Check (statement 1)").click()
    search(page, site_url, "risk")
    assert requested and all(url.startswith(site_url) for url in requested), [
        url for url in requested if not url.startswith(site_url)
    ]
    assert page.context.cookies() == []


def test_tools_work_after_instant_navigation(browser: Browser, built: Path) -> None:
    """Instant navigation swaps pages in without reloading; the tools must still start on the new page.

    Material only swaps in pages listed in the sitemap, which it matches without the port, so the
    site is served here on a default port, from the built files through Playwright's request routing.
    """
    site = built / "site"

    def from_disk(route: Route) -> None:
        path = site / unquote(urlsplit(route.request.url).path).lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            route.fulfill(status=404, body="Not found")
            return
        route.fulfill(body=path.read_bytes(), content_type=mimetypes.guess_type(path.name)[0] or "text/plain")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("http://outcomes-hub.test/**", from_disk)
    page = context.new_page()
    page.goto("http://outcomes-hub.test/")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("navigation", name="Tabs").get_by_role("link", name="Exercises").click()
    expect(page).to_have_url("http://outcomes-hub.test/exercises/")
    page.get_by_label("Part").select_option(label="Part one")
    expect(page.get_by_role("status")).to_have_text("Showing 2 of 8 exercises.")
    page.get_by_role("link", name="Plan a session", exact=True).first.click()
    expect(page.get_by_role("heading", name="Your session")).to_be_visible()
    page.get_by_role("button", name="Add to the session (Exercise 2", exact=False).click()
    expect(page.locator("[data-plan-agenda] tbody tr").first).to_contain_text("09:30")
    assert page.evaluate("window.sameDocument") is True, "the page was loaded afresh, not swapped in"
    context.close()
