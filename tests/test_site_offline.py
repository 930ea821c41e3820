"""The offline zip (make offline): the site opened from file:// in Chromium, search included, and printing."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import SITE_URL

pytest_plugins = ["site_fixtures"]  # the browser, page and site_url fixtures
pytestmark = pytest.mark.e2e  # an offline MkDocs build and Chromium


def test_offline_zip_works_from_file_urls_with_search(browser: Browser, built: Path, tmp_path: Path) -> None:
    site = tmp_path / "outcomes-hub"
    env = {**os.environ, "OFFLINE": "true", "HUB_INSTANT": "navigation.top", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=built, env=env, capture_output=True, text=True, check=False)  # as make offline
    assert done.returncode == 0, done.stderr
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(tmp_path / "hub.zip"), str(site)], check=True)
    with zipfile.ZipFile(tmp_path / "hub.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    home = (tmp_path / "unzipped" / "outcomes-hub" / "index.html").as_uri()

    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(home)
    page.get_by_label("Search", exact=False).first.click()
    page.locator("input.md-search__input").press_sequentially("MacKay", delay=20)
    result = page.locator(".md-search-result__item > a").first
    result.wait_for(timeout=15_000)
    assert "case-studies/mr-and-mrs-mackay.html" in result.get_attribute("href")

    page.goto(home)
    page.get_by_role("navigation", name="Tabs").get_by_role("link", name="Exercises").click()
    page.get_by_label("Theme").select_option(label="Challenges and barriers")
    page.get_by_label("Part").select_option(label="Part one")
    nothing = "Nothing on Challenges and barriers in part one; Exercises 3, 5 and 6 are in part two."
    expect(page.get_by_role("status")).to_have_text(nothing)
    page.get_by_role("link", name="Exercise 3: The challenges of getting outcomes into practice").click()
    page.get_by_role("link", name="Plan a session with this exercise").click()
    expect(page.locator("[data-plan-agenda] tbody tr").first).to_contain_text("09:30")
    pdf = page.locator("[data-plan-prints] a").first.evaluate("a => a.href")
    assert Path(pdf.removeprefix("file://")).is_file(), pdf
    page.go_back()
    page.go_back()  # without instant navigation, from file://: the filters come back from the address
    assert page.url.endswith("/exercises/index.html#part=1&theme=challenges"), page.url
    expect(page.get_by_role("status")).to_have_text(nothing)
    expect(page.get_by_label("Theme")).to_have_value("challenges")
    assert all(url.startswith("file://") for url in requested), [u for u in requested if not u.startswith("file://")]
    context.close()


def test_pages_print_without_navigation_and_with_link_addresses(page: Page, site_url: str) -> None:
    page.goto(site_url + "exercises/exercise-5-brainstorming-for-innovative-solutions/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for part in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer"):
        expect(page.locator(part).first).to_be_hidden()
    expect(page.get_by_role("heading", name="Exercise 5: Brainstorming for innovative solutions")).to_be_visible()
    sandra = page.locator(".hub-facts a", has_text="Sandra")
    shown_after = sandra.evaluate("a => getComputedStyle(a, '::after').content")
    assert shown_after == f'" <{SITE_URL}scenarios/sandra/>"'  # the published address
