"""No wasted pages: how much of its text area every printed page uses, over every PDF of the shared build.

A page's use is how far down its text area (the page less its margins, so less the running header and the
footer with its QR code, source and licence) its content reaches: its text, and on a page whose text stops
early, what is drawn there too (the ruled lines of writing space for notes count as used, as a reader sees
them; the page is drawn at low resolution to find the lowest mark). A *continuation page* is any page but the
first of a document or of a section: a page whose running header is the one of the page before (a pack's
exercises and participant materials each set their own, print.css ``[data-running]``), and that is not a
deliberate blank ("This page is intentionally blank", left so that a section starts on a right-hand page).
Card decks and posters are laid out by the sheet, not by the page, and are left out.

One ``pdftotext -bbox`` per PDF, and a small picture of the few pages whose text stops early, so the whole set
is measured in a few seconds.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e  # the shared build's PDFs

MM = 72 / 25.4
MARGIN_TOP, MARGIN_BOTTOM = 22 * MM, 30 * MM  # print.css @page; the blank note sits in a margin of its own
BLANK_NOTE = "This page is intentionally blank"
THIRD = 1 / 3
ISSUE_LIMIT = 3  # issue 14: continuation pages under a third full are rare, at most three in the whole set
DPI = 24  # enough to see a ruled line (0.5 mm at #aaa) in a page's picture
LAID_OUT_BY_SHEET = ("cards-", "poster-")

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


@dataclass(frozen=True)
class Page:
    pdf: str
    number: int
    pages: int
    header: str
    used: float  # the share of the text area's height down to its lowest text
    blank: bool
    first_words: str


def measure(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = _PAGE.findall(out)
    pages = []
    for number, (_, height, body) in enumerate(found, start=1):
        top, bottom = MARGIN_TOP, float(height) - MARGIN_BOTTOM
        words = [(float(y0), float(y1), html.unescape(text)) for y0, y1, text in _WORD.findall(body)]
        inside = [word for word in words if word[0] >= top - 1 and word[1] <= bottom + 1]
        header = " ".join(text for y0, y1, text in words if y1 <= top + 1)
        used = (max(y1 for _, y1, _ in inside) - top) / (bottom - top) if inside else 0.0
        first = " ".join(text for *_, text in inside[:8])
        blank = " ".join(text for *_, text in words) == BLANK_NOTE
        if not blank and used < THIRD and number > 1:
            used = max(used, drawn_use(pdf, number, float(height)))
        pages.append(Page(pdf.name, number, len(found), header, used, blank, first))
    return pages


def drawn_use(pdf: Path, number: int, height: float) -> float:
    """How far down the text area anything is drawn on a page (text, rules, boxes), from a greyscale picture."""
    picture = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), "-f", str(number), "-l", str(number), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    width, rows = (int(part) for part in picture.split(b"\n", 3)[1].split())  # a binary PGM: P5, size, 255
    pixels = picture[-width * rows :]
    scale = rows / height
    top, bottom = round(MARGIN_TOP * scale), round((height - MARGIN_BOTTOM) * scale)
    marked = [row for row in range(top, bottom) if min(pixels[row * width : (row + 1) * width]) < 230]
    return (marked[-1] + 1 - top) / (bottom - top) if marked else 0.0


def continuation(page: Page, before: Page | None) -> bool:
    """Neither a document's first page, nor a section's, nor a deliberate blank."""
    return before is not None and not page.blank and not before.blank and page.header == before.header


def test_few_continuation_pages_are_under_a_third_full(built: Path) -> None:
    pdfs = [pdf for pdf in sorted((built / "site/pdf").glob("*.pdf")) if not pdf.name.startswith(LAID_OUT_BY_SHEET)]
    assert len(pdfs) > 100
    short, counted, under_35 = [], 0, 0
    for pdf in pdfs:
        before = None
        for page in measure(pdf):
            if not page.blank:
                counted += 1
                under_35 += page.used < 0.35
            if continuation(page, before) and page.used < THIRD:
                short.append(page)
            before = page
    report = "\n".join(f"{p.pdf} page {p.number} of {p.pages}: {p.used:.0%} ({p.first_words})" for p in short)
    print(f"{counted} pages, {under_35} under 35% of their text area; continuation pages under a third:\n{report}")
    assert len(short) <= ISSUE_LIMIT, report


def test_a_blank_page_holds_only_its_note(built: Path) -> None:
    """A pack's deliberate blanks are left-hand pages that say so and carry no header, footer or number."""
    pages = measure(built / "site/pdf/full-day-part-two.pdf")
    blanks = [page for page in pages if BLANK_NOTE in page.first_words or page.blank]
    assert blanks and all(page.blank and page.number % 2 == 0 for page in blanks)
