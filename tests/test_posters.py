"""Posters for a wall: a headline, body text of 24 pt or more on A3 and 16 pt or more on A4 (measured in the
PDFs), no more than can be read from two metres, one page each, and never a word of the source changed."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO
from hub.content import load_library
from hub.content.schemas import Comparison, Guidance, PrincipleSet
from hub.content.text import plain_text
from hub.model.measure import MM_PER_PT
from hub.model.posters import FOOTER_MM, POSTER_SIZES, POSTER_WORDS, Poster, plan_posters, shown_text

SMALLEST = {size.name: size.smallest_pt for size in POSTER_SIZES}
MARGIN_PT = {size.name: size.margin / MM_PER_PT for size in POSTER_SIZES}


@pytest.fixture(scope="module")
def posters() -> list[Poster]:
    return plan_posters(load_library(REPO))


def source_words(item: object) -> str:
    """Everything an item says, as plain text on one line."""
    if isinstance(item, Comparison | Guidance):
        tables = [item.table] if isinstance(item, Comparison) else [b for b in item.body if hasattr(b, "rows")]
        cells = [
            cell for table in tables for cell in [table.title or "", *table.header, *(c for r in table.rows for c in r)]
        ]
    else:
        assert isinstance(item, PrincipleSet)
        cells = [text for p in item.principles for text in (p.name or "", p.group or "", p.text)]
    return " ".join(" ".join(plain_text(cell).split()) for cell in cells)


def test_what_can_be_read_from_two_metres_is_offered_and_nothing_else(posters: list[Poster]) -> None:
    offered = Counter((poster.entry.id, poster.content.part) for poster in posters)
    assert offered == {
        ("service-led-and-outcomes-focused-pon-2016", ""): 2,
        ("service-led-and-outcomes-focused-pon-2022", ""): 2,
        ("from-personal-to-national-outcomes", ""): 2,
        ("principles-underpinning-practice", "names"): 2,  # the text of seven principles is too much for a wall
        ("recording-principles", ""): 2,
    }  # and the 11 rows of prose of the 2010 comparison (341 words) are no poster at all
    for poster in posters:
        assert poster.content.words <= POSTER_WORDS, poster.pdf_path
        assert poster.body_pt >= SMALLEST[poster.size.name], poster.pdf_path
        assert poster.title_pt > poster.body_pt, poster.pdf_path  # a headline over the body


def test_posters_show_the_sources_words_never_others(posters: list[Poster]) -> None:
    for poster in posters:
        source = source_words(poster.entry.item)
        for text in [poster.title, *shown_text(poster)]:
            shown = " ".join(text.split())
            assert shown in source or shown == poster.entry.item.title, (
                poster.pdf_path,
                shown,
            )


def sizes_above_the_footer(pdf: Path, name: str) -> Counter[float]:
    """How many characters are set at each size, in points, above the poster's footer (pypdf's text visitor)."""
    page = PdfReader(pdf).pages[0]
    height = float(page.mediabox.height)
    footer_top = height - MARGIN_PT[name] - FOOTER_MM[name] / MM_PER_PT
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        top = height - (tm[5] * cm[3] + cm[5])
        scaled = size * abs(tm[3] * cm[3])
        if text.strip() and top < footer_top and scaled > 1.5:  # not the 1 pt labels only screen readers find
            sizes[round(scaled, 1)] += len(text.strip())

    page.extract_text(visitor_text=visit)
    return sizes


def word_boxes(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [
        (float(x0), float(y0), float(x1), float(y1), html.unescape(word))
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', done.stdout
        )
    ]


def letters(text: str) -> Counter[str]:
    return Counter(char for char in text if not char.isspace())


@pytest.mark.e2e
def test_every_poster_is_one_page_of_large_text_inside_its_margins(built: Path, posters: list[Poster]) -> None:
    made = sorted(pdf.name for pdf in (built / "site/pdf").glob("poster-*.pdf"))
    assert made == sorted(Path(poster.pdf_path).name for poster in posters)
    for poster in posters:
        pdf = built / "site" / poster.pdf_path
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1, poster.pdf_path
        width, height = (float(n) for n in reader.pages[0].mediabox.upper_right)
        assert (round(width * MM_PER_PT), round(height * MM_PER_PT)) == tuple(round(n) for n in poster.page_size)
        sizes = sizes_above_the_footer(pdf, poster.size.name)
        assert min(sizes) >= SMALLEST[poster.size.name], (poster.pdf_path, sorted(sizes))
        assert max(sizes) >= poster.title_pt - 0.1, (poster.pdf_path, sorted(sizes))  # the headline
        margin = MARGIN_PT[poster.size.name] - 1
        boxes = word_boxes(pdf)
        # A word's box is its font's whole line, taller than its letters: a headline's may rise over the margin.
        outside = [
            w
            for w in boxes
            if w[0] < margin or w[1] < margin - 0.04 * (w[3] - w[1]) or w[2] > width - margin or w[3] > height - margin
        ]
        assert outside == [], (poster.pdf_path, outside[:5])
        shown = " ".join(word for *_, word in boxes)
        assert not letters(" ".join([poster.title, *shown_text(poster)])) - letters(shown), poster.pdf_path


@pytest.mark.e2e
def test_posters_are_linked_from_their_items_pages(built: Path, posters: list[Poster]) -> None:
    for poster in posters:
        page = built / "site" / poster.entry.kind.folder / poster.entry.id / "index.html"
        text = page.read_text(encoding="utf-8")
        assert f'href="../../{poster.pdf_path}"' in text, poster.pdf_path
        assert poster.label in text
    iriss = (built / "site/comparisons/service-led-and-outcomes-focused-iriss-2010/index.html").read_text()
    assert "poster-" not in iriss
