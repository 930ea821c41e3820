"""Hostile author text, in every field of every kind and of sources.yml and themes.yml, never becomes live
markup: not on any page of the site (checked with lxml and in Chromium), not in the page titles and navigation
MkDocs makes from front matter, not in search results, and not in the PDFs, which show it as plain text.

One shared build holds it all (tests/hostile.py): one item of every kind with the payloads in turn, one with
every way out at once in every text field, a hostile source and a hostile theme (its label a tag too)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from hostile import PAYLOADS, PREFIX, item_id, write_hostile_content
from playwright.sync_api import Browser
from site_browser import served
from test_pdf_fonts import foreign_fonts
from test_pdf_safety import embedded_things

from conftest import copy_project, run_build
from hub.content.kinds import KINDS
from hub.content.yamlload import load_yaml
from hub.site.pagefind import indexed

pytest_plugins = ["site_fixtures"]  # the browser fixture
pytestmark = pytest.mark.e2e  # a build of hostile content, and Chromium

DANGEROUS_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "portal", "meta-refresh"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href", "background", "cite"}


@pytest.fixture(scope="module")
def hostile_project(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copytree(built / ".cache", project / ".cache")
    write_hostile_content(project)
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    return project


def live_markup(html: str) -> list[str]:
    """Elements and attributes in a page that could run script, load a frame or navigate on their own."""
    found = []
    for element in lxml.html.document_fromstring(html).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            tag = "meta-refresh"
        if tag in DANGEROUS_TAGS:
            found.append(f"<{tag}>")
        if tag == "img":  # the site's pages have no images of their own, so any came from an author
            found.append(f"<img src={element.get('src', '')[:60]}>")
        if tag == "script" and element.get("type") == "application/ld+json":
            # A data block, never run: live only if author text could close it or is not JSON
            text = element.text or ""
            if "</" in text or "<" in text:
                found.append(f"<script ld+json>{text[:60]}")
            json.loads(text)
        elif tag in ("script", "style") and re.search(r"hub-\d\d|alert\(", element.text or ""):
            found.append(f"<{tag}>{element.text[:60]}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}>")
            compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name.lower() in URL_ATTRIBUTES and compact.startswith(("javascript:", "vbscript:", "data:", "file:")):
                found.append(f"<{tag} {name}={value[:60]}>")
            if name.lower() == "style" and "url(" in compact:
                found.append(f"<{tag} style={value[:60]}>")
    return found


def hostile_pages(project: Path) -> list[Path]:
    site = project / "site"
    return [site / kind.folder / item_id(kind.name) / "index.html" for kind in KINDS.values()]


def test_there_are_enough_payloads_and_every_kind_gets_them(hostile_project: Path) -> None:
    assert len(PAYLOADS) >= 25
    sources = (hostile_project / "content/sources.yml").read_text(encoding="utf-8")
    every_item = sources + "".join(p.read_text(encoding="utf-8") for p in hostile_project.glob(f"content/*/{PREFIX}*"))
    assert all(f"hub-{number:02}" in every_item for number in range(1, len(PAYLOADS) + 1))
    assert all(page.is_file() for page in hostile_pages(hostile_project))


def test_no_page_has_live_markup_that_came_from_authors(hostile_project: Path) -> None:
    pages = sorted((hostile_project / "site").rglob("*.html"))
    findings = {page.relative_to(hostile_project).as_posix(): live_markup(page.read_text("utf-8")) for page in pages}
    assert {page: found for page, found in findings.items() if found} == {}


def test_titles_show_as_written_in_the_heading_the_page_title_and_the_header(hostile_project: Path) -> None:
    for page in hostile_pages(hostile_project):
        kind = next(k for k in KINDS.values() if k.folder == page.parent.parent.name)
        source = hostile_project / "content" / kind.folder / f"{item_id(kind.name)}.yml"
        data = _data_of(source)
        title = data["title"].strip()
        named = f"Exercise {data['number']}: {title}" if kind.name == "exercise" else title  # its page title
        tree = lxml.html.document_fromstring(page.read_text("utf-8"))
        assert tree.findtext(".//title") == f"{named} - Outcomes Hub", page
        header = tree.xpath("//*[@data-md-component='header-topic']//*[contains(@class, 'md-ellipsis')]")[0]
        assert header.text_content().strip() == named, page
        heading = tree.xpath("//article//h1")[0].text_content().replace("¶", "").strip()
        shown = data["label"].strip() if kind.name == "scenario" else title  # a scenario is headed by its label
        assert heading.endswith(" ".join(shown.split())), page


def _data_of(source: Path) -> dict:
    document, problems = load_yaml(source, source.name)
    assert document is not None and not problems
    assert isinstance(document.data, dict)
    return document.data


def test_the_search_index_holds_author_text_as_text(hostile_project: Path) -> None:
    # Pagefind reads each page's text, so a payload is in the index only as the text the page shows (the
    # hub's search shows it with textContent, tested in the browser below).
    text = " ".join(
        record["content"] + " " + " ".join(record["meta"].values())
        for record in indexed(hostile_project / "site").values()
    )
    assert '<script>alert("hub-01")</script>' in text


@pytest.fixture(scope="module")
def hostile_url(hostile_project: Path) -> Iterator[str]:
    with served(hostile_project / "site") as url:
        yield url


def test_no_page_opens_a_dialog_in_chromium(hostile_project: Path, hostile_url: str, browser: Browser) -> None:
    site = hostile_project / "site"
    paths = [page.relative_to(site).parent.as_posix() + "/" for page in hostile_pages(hostile_project)]
    paths += [f"{kind.folder}/" for kind in KINDS.values()] + ["", "themes/", "sources/"]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    opened = []
    for path in paths:
        response = page.goto(hostile_url + path)
        assert response is not None and response.ok, path
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)  # hover handlers, had any survived
        opened.append(path)
    page.goto(hostile_url)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox").press_sequentially("alert hub", delay=20)
    page.locator(".hub-search__result").first.wait_for(timeout=10_000)
    shown = page.locator(".hub-search__results").text_content() or ""
    assert "alert(" in shown and page.locator(".hub-search__results script, .hub-search__results img").count() == 0
    page.wait_for_timeout(500)
    context.close()
    assert len(opened) == len(paths)
    assert dialogs == []


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(done.stdout.split())


def test_pdfs_show_the_payloads_as_plain_text(hostile_project: Path) -> None:
    pdfs = sorted((hostile_project / "site/pdf").glob(f"{PREFIX}*.pdf"))
    assert len(pdfs) >= len(KINDS)
    for pdf in pdfs:
        assert embedded_things(pdf) == [], pdf
        assert foreign_fonts(pdf) == [], pdf  # code spans too print in the shipped fonts
    guidance = pdf_text(hostile_project / "site/pdf" / f"{item_id('guidance')}.pdf")
    title = _data_of(hostile_project / "content/guidance" / f"{item_id('guidance')}.yml")["title"].strip()
    assert "".join(title.split()) in guidance
    everything = "".join(pdf_text(pdf) for pdf in pdfs)
    shown = [payload for payload in PAYLOADS if "".join(payload.split()) in everything]
    assert len(shown) >= 25, [payload for payload in PAYLOADS if payload not in shown]


def test_the_hostile_theme_source_and_every_way_out_reached_their_pages(hostile_project: Path) -> None:
    from hostile import ALL_PREFIX, THEME_ID

    site = hostile_project / "site"
    pages = {
        f"themes/{THEME_ID}/index.html": "hub-46",
        "themes/index.html": "hub-46",
        "sources/index.html": re.search(r"hub-\d\d", PAYLOADS[37])[0],  # the sources' licence note
        f"packs/{ALL_PREFIX}pack/index.html": "hub-00",
        "packs/index.html": "hub-00",
        "exercises/plan/index.html": "hub-00",
    }
    for page, marker in pages.items():
        text = lxml.html.document_fromstring((site / page).read_text("utf-8")).text_content()
        assert marker in text, page
