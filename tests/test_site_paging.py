"""A hub grown past one page of exercises: catalogues, themes and the planner in pages, in a real browser.

120 synthetic exercises (the benchmark's) join the real eight, so the exercise
catalogue has three pages of at most 50.  The site is built without PDFs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench import add_synthetic
from playwright.sync_api import Page, expect
from site_browser import served

from conftest import EPOCH, copy_project
from hub.model.listings import PAGE_SIZE, listing_pages
from hub.pipeline import build
from hub.settings import Settings

pytest_plugins = ["site_fixtures"]  # the browser and page fixtures

SYNTHETIC = 120
TOTAL = SYNTHETIC + 8


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    add_synthetic(project, SYNTHETIC)
    build(Settings.load(project, epoch=int(EPOCH)), pdf_workers=0)
    return project


@pytest.fixture(scope="module")
def grown_url(grown: Path) -> Iterator[str]:
    with served(grown / "site") as url:
        yield url


def catalogue_links(html: str) -> list[str]:
    return re.findall(r'<p class="hub-catalogue-title"><a href="([^"]+)"', html)


@pytest.mark.e2e
def test_the_catalogue_lists_every_exercise_once_in_pages_of_fifty(grown: Path) -> None:
    site = grown / "site" / "exercises"
    pages = [site / "index.html", site / "page/2/index.html", site / "page/3/index.html"]
    listed = [catalogue_links(page.read_text(encoding="utf-8")) for page in pages]
    assert [len(links) for links in listed] == [50, 50, 28]
    targets = [link.rstrip("/").split("/")[-1] for links in listed for link in links]
    assert len(set(targets)) == TOTAL
    assert not (site / "page/4").exists()
    second = pages[1].read_text(encoding="utf-8")
    assert "Showing 51 to 100 of 128 exercises." in second
    assert '<span aria-current="page"><span class="hub-visually-hidden">Page </span>2</span>' in second
    assert 'href="../3/"><span class="hub-visually-hidden">Page </span>3</a>' in second
    assert 'href="../../">Previous<span class="hub-visually-hidden"> page</span></a>' in second


@pytest.mark.e2e
def test_no_page_grows_past_100_kb(grown: Path) -> None:
    largest = max((page.stat().st_size, page.relative_to(grown).as_posix()) for page in grown.rglob("site/**/*.html"))
    assert largest[0] < 100_000, largest


@pytest.mark.e2e
def test_scenario_pages_count_the_items_beyond_twenty_that_use_them(grown: Path) -> None:
    sandra = (grown / "docs/scenarios/sandra.md").read_text(encoding="utf-8")
    used = sandra.split("## Used by", 1)[1].split("##", 1)[0]
    assert used.count("\n- [") == 20
    assert re.search(r"\n- and \d+ more items\n", used)


@pytest.mark.e2e
def test_theme_pages_list_their_items_in_pages(grown: Path) -> None:
    leadership = grown / "site/themes/leadership"
    first = leadership / "index.html"
    assert len(catalogue_links(first.read_text(encoding="utf-8"))) == PAGE_SIZE
    assert (leadership / "page/2/index.html").is_file()
    exercise = (grown / "site/exercises/synthetic-0007/index.html").read_text(encoding="utf-8")
    assert '<a class="md-tag" href="../../themes/leadership/">Leadership</a>' in exercise


@pytest.mark.e2e
def test_filters_on_the_first_page_search_every_page(page: Page, grown_url: str) -> None:
    page.goto(grown_url + "exercises/")
    status = page.locator("[data-hub-filter-status]")
    expect(status).to_have_text(f"Showing 50 of {TOTAL} exercises on this page; the filters search all of them.")
    shortest = page.get_by_label("Length").locator("option").nth(1).inner_text()
    page.get_by_label("Length").select_option(label=shortest)
    titles = page.locator("[data-hub-catalogue] > li:visible .hub-catalogue-title")
    expect(titles.filter(has_text="Synthetic exercise 90")).to_have_count(1)  # on the third page
    expect(page.locator(".hub-pager")).to_be_hidden()
    matching = titles.count()
    expect(status).to_have_text(f"Showing {matching} of {TOTAL} exercises.")

    titles.filter(has_text="Synthetic exercise 90").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/exercises/synthetic-0090/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Synthetic exercise 90"))

    page.go_back()  # the filter is in the address: every page's matching items again
    expect(page).to_have_url(re.compile(r"/exercises/#length=\d+$"))
    expect(status).to_have_text(f"Showing {matching} of {TOTAL} exercises.")
    expect(titles.filter(has_text="Synthetic exercise 90")).to_have_count(1)
    page.get_by_role("button", name="Clear filters").click()
    expect(status).to_have_text(f"Showing 50 of {TOTAL} exercises on this page; the filters search all of them.")
    expect(page.locator(".hub-pager")).to_be_visible()


@pytest.mark.e2e
def test_the_planner_plans_exercises_beyond_its_first_page(page: Page, grown_url: str) -> None:
    page.goto(grown_url + "exercises/plan/#exercises=synthetic-0119,exercise-1-defining-the-approach")
    agenda = page.locator("[data-plan-agenda] tbody")
    expect(agenda).to_contain_text("Exercise 1119: Synthetic exercise 119")
    expect(agenda).to_contain_text("Exercise 1: Defining the approach")
    prints = page.locator("[data-plan-prints] a")
    expect(prints.first).to_have_attribute("href", re.compile(r"/pdf/synthetic-0119-facilitator\.pdf$"))
    expect(page.locator("[data-plan-choices] > li")).to_have_count(TOTAL)


def test_listing_pages_offer_the_first_last_and_nearby_pages() -> None:
    pages = listing_pages("exercises", list(range(1000)))  # type: ignore[arg-type]
    assert len(pages) == 20
    assert pages[9].neighbours == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert pages[0].neighbours == [1, 2, 3, None, 20]
    assert pages[9].link(1) == "../index.md"
    assert pages[0].link(2) == "page/2.md"
    assert pages[9].to_root == "../../"
    assert pages[0].data_script == "catalogue-data.js"
    assert pages[9].data_script == "../catalogue-data.js"
