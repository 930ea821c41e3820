"""Light pages (docs/performance.md): each page loads only the scripts it uses, and a cold load of each kind of
page stays within the budget of 150 KB compressed in at most 12 requests."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from site_browser import PLANNER

from conftest import REPO

pytest_plugins = ["site_fixtures"]  # the browser and site_url fixtures
pytestmark = pytest.mark.e2e  # the shared build, and Chromium on it

SCRIPTS = REPO / "docs/assets/javascripts"
EVERY_PAGE = {"bundle", "site.js", "search.js"}  # the theme's bundle, the hub's own, and search's launcher
BUDGET_BYTES = 150 * 1024
BUDGET_REQUESTS = 12
SAMPLE = [
    "",
    "exercises/",
    "exercises/exercise-6-risk-taking/",
    PLANNER,
    "audits/training-priorities/",
    "stars/culture-star/",
    "quizzes/personal-outcomes-quiz/",
    "scenarios/sandra/",
    "guidance/positive-risk/",
    "packs/full-day-part-two/",
    "themes/risk/",
    "downloads/",
    "sources/",
]


def marks_of(script: Path) -> set[str]:
    """The data- attributes of the elements a tool's script sets up (its Hub.enhance selectors)."""
    selectors = re.findall(r'Hub\.enhance\("([^"]+)"', script.read_text(encoding="utf-8"))
    return {mark for selector in selectors for mark in re.findall(r"\[(data-[a-z-]+)", selector)}


def test_each_page_loads_only_the_scripts_it_uses(built: Path) -> None:
    tools = {script.name: marks_of(script) for script in SCRIPTS.glob("*.js") if script.name not in EVERY_PAGE}
    tools = {name: marks for name, marks in tools.items() if marks}
    assert set(tools) == {"catalogue-filters.js", "planner.js", "audit.js", "culture-star.js", "quiz.js"}
    pages = sorted((built / "site").rglob("*.html"))
    assert len(pages) > 100
    wrong = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        loaded = [src.rsplit("/", 1)[-1] for src in re.findall(r'<script src="([^"]+)"', html)]
        body = html.split('data-md-component="content"', 1)[-1]
        wanted = {
            name for name, marks in tools.items() if any(re.search(rf"<[^>]*\s{mark}[\s=>]", body) for mark in marks)
        }
        if "planner.js" in wanted:
            wanted.add("agenda.js")  # the planner's rules (HubAgenda), which it needs first
        everywhere = ("site.js", "search.js")
        extra = [
            name for name in loaded if name not in wanted and name not in everywhere and not name.startswith("bundle.")
        ]
        missing = wanted - set(loaded)
        if extra or missing:
            wrong.append(
                f"{page.relative_to(built / 'site')}: loads {extra or 'nothing extra'}, lacks {sorted(missing)}"
            )
        if "agenda.js" in loaded:
            assert loaded.index("agenda.js") < loaded.index("planner.js"), page
        assert loaded.count("site.js") == 1 and loaded.count("search.js") == 1, page
    assert wrong == []


def test_a_cold_load_of_each_kind_of_page_stays_within_budget(browser: Browser, site_url: str) -> None:
    over = []
    for path in SAMPLE:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        sizes: dict[str, int] = {}

        def finished(request, sizes=sizes) -> None:  # type: ignore[no-untyped-def]
            response = request.response()
            if request.url.startswith("http") and response is not None:
                sizes[request.url] = len(gzip.compress(response.body(), compresslevel=6))

        page.on("requestfinished", finished)
        page.goto(site_url + path, wait_until="networkidle")
        context.close()
        total = sum(sizes.values())
        assert site_url + path in sizes, path
        if len(sizes) > BUDGET_REQUESTS or total > BUDGET_BYTES:
            listed = ", ".join(f"{url.removeprefix(site_url)} {size // 1024} KB" for url, size in sizes.items())
            over.append(f"/{path}: {len(sizes)} requests, {total / 1024:.0f} KB compressed ({listed})")
        assert not [url for url in sizes if "/pagefind/" in url or url.endswith(".xml")], path
    assert over == []
