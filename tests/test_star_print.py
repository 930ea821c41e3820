"""The culture star on paper, measured from the PDFs: the star at least 60% of the page's width, every ring
numbered in type of 8 pt or more, a legend for two readings, the table its text speaks of, and no page of the
handout nearly empty."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_build
from hub.model.star import PRINT

pytestmark = pytest.mark.e2e

MANAGER = "values=6,identity=4,outcomes=7,strengths=5,learning-and-change=3,community=8,co-production=4,communication=6"
STAFF = (
    "values=7,identity=6,outcomes=7.5,strengths=6,learning-and-change=5,community=8,co-production=6,communication=10"
)
RING_NUMBER_COLOUR = "#33424d"  # templates/_star.svg.j2
MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class Text:
    text: str
    size: float  # points
    left: float  # points from the page's left edge
    top: float
    width: float
    colour: str


def texts(pdf: Path, page: int) -> list[Text]:
    """The page's pieces of text with their sizes and places, as poppler reads them (pdftohtml -xml)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-q", "-zoom", "3", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    width = float(re.search(r'<page [^>]*width="([\d.]+)"', xml).group(1))
    scale = width / float(PdfReader(pdf).pages[page - 1].mediabox.width)
    fonts = {
        font: (float(size) / scale, colour)
        for font, size, colour in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)"[^>]*color="([^"]+)"', xml)
    }
    found = []
    for top, left, wide, font, text in re.findall(
        r'<text top="([\d.]+)" left="([\d.]+)" width="([\d.]+)" height="[\d.]+" font="(\d+)">(.*?)</text>', xml
    ):
        size, colour = fonts[font]
        plain = re.sub(r"<[^>]+>", "", text)
        found.append(Text(plain, size, float(left) / scale, float(top) / scale, float(wide) / scale, colour))
    return found


def star_width_mm(found: list[Text]) -> float:
    """The star's width, from where its side labels start: each is PRINT.label_gap beyond the tip of its axis."""
    right = next(t for t in found if t.text == "Outcomes" and t.colour == "#0b3d5c")
    left = next(t for t in found if t.text == "Co-production" and t.colour == "#0b3d5c")
    between_labels = (right.left - (left.left + left.width)) * MM_PER_PT
    return between_labels * PRINT.radius / (PRINT.radius + PRINT.label_gap)


def check_star(pdf: Path, page: int) -> float:
    found = texts(pdf, page)
    page_width = float(PdfReader(pdf).pages[page - 1].mediabox.width) * MM_PER_PT
    width = star_width_mm(found)
    assert width >= 0.6 * page_width, (pdf.name, width, page_width)
    numbers = [t for t in found if t.colour == RING_NUMBER_COLOUR]
    assert sorted(int(t.text) for t in numbers) == sorted(list(range(1, 11)) * 4), pdf.name  # every ring, 4 times
    assert min(t.size for t in numbers) >= 8, (pdf.name, sorted({t.size for t in numbers}))
    return width


def test_the_blank_star_is_wide_and_every_ring_is_numbered_in_8_pt_or_more(built: Path) -> None:
    for name in ("culture-star.pdf", "culture-star-fillable.pdf"):
        assert check_star(built / "site/pdf" / name, 1) >= 126


def test_the_handout_holds_the_table_its_text_speaks_of_and_no_page_nearly_empty(built: Path) -> None:
    pdf = built / "site/pdf/culture-star.pdf"
    body = ["-x", "0", "-y", "60", "-W", "595", "-H", str(842 - 60 - 90)]  # below the header, above the footer
    done = subprocess.run(["pdftotext", *body, str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(done.stdout.split())
    here = text.index("like the one here.") + len("like the one here.")
    table = text.index("Analysis of workplace culture recording template", here)
    between = text[here:table].strip()
    # The next thing after the sentence, but for the hub's note on it, which says where the table comes from.
    assert between.startswith("NOTE FROM THE HUB") and between.endswith("the Culture analysis template."), between
    assert len(between) < 260, between
    assert text.index("Then think about the different actions you might take") > table
    pages = len(PdfReader(pdf).pages)
    assert pages == 3
    last = [t for t in texts(pdf, pages) if 60 < t.top < 842 - 90]  # below the header, above the footer
    bottom = max(t.top for t in last) - 62
    assert bottom > (842 - 62 - 85) / 3, bottom  # the last page at least a third full


def test_a_filled_star_with_two_readings_has_a_legend_and_fits_one_page(project: Path) -> None:
    out = project / "star.pdf"
    labels = ("--label", "Manager", "--compare-label", "Staff survey, May 2026")
    result = run_build(project, "star", "--ratings", MANAGER, "--compare", STAFF, *labels, "-o", str(out))
    assert result.code == 0, result.stderr
    assert len(PdfReader(out).pages) == 1
    check_star(out, 1)
    found = texts(out, 1)
    star_top = min(t.top for t in found if t.colour == RING_NUMBER_COLOUR)
    legend = [t for t in found if t.text in ("Manager", "Staff survey, May 2026") and t.top < star_top]
    assert [t.text for t in legend] == ["Manager", "Staff survey, May 2026"]  # in the star's corner
    assert all(t.size >= 8 for t in legend)
