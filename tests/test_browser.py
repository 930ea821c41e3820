"""Finding things and privacy, in a real browser: search, the request log, cookies, tools after a link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from site_browser import PLANNER, axe_violations

from conftest import REPO
from hub.content import load_library

pytest_plugins = ["site_fixtures"]  # the browser, page and site_url fixtures
pytestmark = pytest.mark.e2e  # Chromium on the shared build


def search(page: Page, site_url: str, query: str) -> list[str]:
    """The addresses of the results shown when ``query`` is typed into the header's search box."""
    return [result["href"] for result in search_results(page, site_url, query)]


def search_results(page: Page, site_url: str, query: str) -> list[dict]:
    """Each result as shown: its address, and the text of each of its parts (lists, as a part may repeat).
    The search dialog is opened once per page and typed into again for each query."""
    box = page.get_by_role("searchbox")
    if not page.url.startswith(site_url) or not box.is_visible():
        page.goto(site_url)
        page.get_by_role("button", name="Search").click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    expect(page.get_by_role("status").filter(has_text="found")).to_be_visible(timeout=15_000)
    return page.locator(".hub-search__result").evaluate_all(
        """items => items.map(item => ({
            href: item.querySelector("a").href.split("#")[0],
            title: [...item.querySelectorAll(".hub-search__title")].map(e => e.textContent),
            kind: [...item.querySelectorAll(".hub-search__kind")].map(e => e.textContent),
            summary: [...item.querySelectorAll(".hub-search__summary")].map(e => e.textContent),
            excerpt: [...item.querySelectorAll(".hub-search__excerpt")].map(e => e.textContent),
        }))"""
    )


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


def test_an_exercise_number_finds_that_exercise_first(page: Page, site_url: str) -> None:
    library = load_library(REPO)
    exercises = sorted((e for e in library.entries.values() if e.kind.name == "exercise"), key=lambda e: e.item.number)
    assert len(exercises) >= 8
    for exercise in exercises:
        query = f"exercise {exercise.item.number}" if exercise.item.number % 2 else f"Exercise {exercise.item.number}"
        found = search(page, site_url, query)
        assert found[0] == site_url + exercise.url, (query, found[:3])


def test_hyphenated_words_match_as_typed_and_the_page_about_them_comes_first(page: Page, site_url: str) -> None:
    results = search_results(page, site_url, "outcome-focused")
    for result in results[:5]:
        shown = " ".join(result["title"] + result["summary"] + result["excerpt"]).lower()
        assert "outcome-focused" in shown or "outcome focused" in shown, result
    assert "Missing" not in page.locator(".hub-search").inner_text()
    tops = [result["href"] for result in results[:3]]
    assert site_url + "guidance/outcome-focused-supervision/" in tops, tops


@pytest.mark.parametrize(
    ("query", "key", "passing"),
    [
        (
            "good conversations",
            "principles/key-elements-of-a-good-conversation-pon-2022/",
            "guidance/calls-to-action-pon-2021/",
        ),
        ("supervision", "guidance/outcome-focused-supervision/", "guidance/making-the-most-of-the-resource/"),
        ("risk", "exercises/exercise-6-risk-taking/", "questions/questions-for-supervision/"),
        ("feedback", "exercises/exercise-8-effective-feedback/", "packs/team-meeting-60-minutes/"),
    ],
)
def test_the_page_about_something_outranks_a_passing_mention(
    page: Page, site_url: str, query: str, key: str, passing: str
) -> None:
    found = search(page, site_url, query)
    assert site_url + key in found, found
    assert site_url + passing not in found or found.index(site_url + key) < found.index(site_url + passing), found


def test_each_result_shows_its_title_kind_and_summary_once(page: Page, site_url: str) -> None:
    for query in ("risk", "exercise 3", "carers"):
        results = search_results(page, site_url, query)
        assert len(results) >= 3, query
        for result in results:
            assert len(result["title"]) == 1 and len(result["kind"]) == 1 and len(result["summary"]) <= 1, result
            assert len(result["excerpt"]) <= 1, result
            if "/exercises/exercise-" in result["href"]:
                assert re.fullmatch(r"Exercise \d+: .+", result["title"][0]) and result["kind"] == ["Exercise"], result
            for summary in result["summary"]:
                assert summary[:40] not in " ".join(result["excerpt"]), result  # not again in the excerpt
            tags = page.locator(".hub-search__result .md-tag")
            assert tags.count() == 0  # themes are not shown in results, once or twice
    for scheme in ("light", "dark"):  # the open dialog, its results and their highlighted words
        page.emulate_media(color_scheme=scheme)
        assert axe_violations(page) == [], scheme


def test_developer_pages_are_not_found(page: Page, site_url: str) -> None:
    for query in ("performance bench", "architecture layers", "import-linter"):
        page.goto(site_url)
        page.get_by_role("button", name="Search").click()
        page.get_by_role("searchbox").press_sequentially(query, delay=20)
        expect(page.get_by_role("status")).not_to_have_text("Searching…", timeout=15_000)
        hrefs = page.locator(".hub-search__result a").evaluate_all("links => links.map(a => a.href)")
        assert not [h for h in hrefs if any(name in h for name in ("performance", "architecture", "browser-pack"))]


def test_the_search_dialog_has_a_name_and_enter_opens_the_first_result(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.keyboard.press("/")
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()
    page.get_by_role("searchbox").press_sequentially("MacKay", delay=20)
    expect(page.locator(".hub-search__result").first).to_be_visible(timeout=15_000)
    page.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(site_url + "case-studies/mr-and-mrs-mackay/")


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


def test_tools_start_on_pages_reached_by_links(page: Page, site_url: str) -> None:
    """Without instant navigation every page is loaded whole, with the scripts it needs (main.html)."""
    page.goto(site_url)
    page.get_by_role("navigation", name="Tabs").get_by_role("link", name="Exercises").click()
    expect(page).to_have_url(site_url + "exercises/")
    page.get_by_label("Part").select_option(label="Part one")
    expect(page.get_by_role("status")).to_have_text("Showing 2 of 8 exercises.")
    page.get_by_role("link", name="Exercise 2: Outcomes-focused and service-led compared").click()
    page.get_by_role("link", name="Plan a session with this exercise").click()
    expect(page.get_by_role("heading", name="Your session")).to_be_visible()
    expect(page.locator("[data-plan-agenda] tbody tr").first).to_contain_text("09:30")
