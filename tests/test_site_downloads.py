"""The downloads page of the built site: every PDF once, by kind, with its true size and number of pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import html

pytestmark = pytest.mark.e2e


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def test_every_pdf_once_with_its_size_and_pages(built: Path) -> None:
    site = built / "site"
    page = html.fromstring((site / "downloads" / "index.html").read_bytes())
    links = page.xpath("//article//li/a[substring(@href, string-length(@href) - 3) = '.pdf']")
    listed = {}
    for link in links:
        facts = re.match(r" \((\d+ pages?), ([\d.]+ [KM]B)\)", link.tail)
        assert facts, link.tail
        listed[link.get("href").removeprefix("../")] = (facts[1], facts[2])
    pdfs = sorted(path.relative_to(site).as_posix() for path in (site / "pdf").glob("*.pdf"))
    assert sorted(listed) == pdfs and len(links) == len(pdfs)  # every PDF, once
    for pdf, (pages, size) in listed.items():
        count = pages_of(site / pdf)
        assert pages == f"{count} page{'s' if count != 1 else ''}", pdf
        kb = (site / pdf).stat().st_size / 1000
        shown = float(size.split()[0]) * (1000 if size.endswith("MB") else 1)
        assert abs(shown - kb) <= max(1, kb * 0.05), (pdf, size, kb)


def test_home_page_routes_each_reader_and_tools_has_its_own_page(built: Path) -> None:
    site = built / "site"
    home = html.fromstring((site / "index.html").read_bytes())
    assert home.findtext(".//title") == "Outcomes Hub"
    links = set(home.xpath("//article//a/@href"))
    for target in ("exercises/plan/", "packs/", "audits/training-priorities/", "stars/culture-star/", "themes/",
                   "downloads/", "worksheets/", "quizzes/personal-outcomes-quiz/"):  # fmt: skip
        assert target in links, target
    tools = html.fromstring((site / "tools" / "index.html").read_bytes())
    assert {"../exercises/plan/", "../audits/training-priorities/", "../stars/culture-star/"} <= set(
        tools.xpath("//article//a/@href")
    )


def test_each_item_is_one_line_and_long_sections_are_closed(built: Path) -> None:
    page = html.fromstring((built / "site" / "downloads" / "index.html").read_bytes())
    lists = page.xpath("//article//ul[li/a[substring(@href, string-length(@href) - 3) = '.pdf']]")
    for listed in lists:
        titles = [item.text.rstrip(": ") for item in listed.xpath("./li")]
        assert len(titles) == len(set(titles)), titles  # each item's PDFs on its one line
    items = page.xpath("//article//li[a[substring(@href, string-length(@href) - 3) = '.pdf']]")
    risk = next(item for item in items if item.text.startswith("Exercise 6: Risk-taking"))
    assert [a.text for a in risk.xpath("./a")] == ["Facilitator handout", "Participant worksheet"]
    long_lists = [listed for listed in lists if len(listed.xpath("./li")) > 10]
    groups = page.xpath("//article//details[contains(@class, 'hub-download-group')]")
    assert long_lists and len(groups) == len(long_lists)
    for group in groups:
        assert group.get("open") is None and len(group.xpath(".//li")) > 10
        assert re.fullmatch(r"All \d+ items, \d+ PDFs", group.findtext("summary"))
