"""hub.printing.page_ranges: "pages 9–11" where a document names the pages a part of it takes, read from
where its parts fell when it was laid out (a small document, laid out by WeasyPrint in this process)."""

from __future__ import annotations

import re

from hub.printing.page_ranges import Settling, range_text, settling

STYLE = "<style>@page { size: A6; } .part { break-before: right; } p { margin: 0; font-size: 30pt; }</style>"


def document(lines: dict[str, int]) -> str:
    """Contents naming each part's pages, then the parts, each ``lines`` lines long on pages of its own."""
    names = list(lines)
    after = [*names[1:], ""]
    marks = "".join(
        f'<li>{name}<span class="page-range" data-from="{name}" data-until="{until}">, pages …</span></li>'
        for name, until in zip(names, after, strict=True)
    )
    parts = "".join(
        f'<section class="part" id="{name}">' + "<p>line</p>" * count + "</section>" for name, count in lines.items()
    )
    return f"<html><head>{STYLE}</head><body><ul>{marks}</ul>{parts}</body></html>"


def test_a_range_says_page_for_one_and_pages_for_more() -> None:
    assert range_text(9, 9) == ", page 9"
    assert range_text(9, 11) == ", pages 9–11"


def test_ranges_are_where_the_parts_are_less_the_blank_pages() -> None:
    import weasyprint

    laid: list[str] = []

    def render(html: str) -> object:
        laid.append(html)
        return weasyprint.HTML(string=html).render()

    doc = settling(render)(document({"first": 18, "second": 2, "third": 20}))
    blank = [index for index, page in enumerate(doc.pages, start=1) if page._page_box.page_type.blank]
    assert (len(doc.pages), blank) == (11, [2, 6, 8])  # each part on a right-hand page, after a blank left one
    shown = re.findall(r'data-from="(\w+)"[^>]*>(, pages? [0-9–]+)</span>', laid[-1])
    assert shown == [("first", ", pages 3–5"), ("second", ", page 7"), ("third", ", pages 9–11")]
    assert len(laid) == 2  # laid out once with a guess, then with the ranges it found, which stay put


def test_a_document_without_ranges_is_laid_out_once() -> None:
    laid: list[str] = []
    settling(lambda html: laid.append(html) or "laid out")("<p>No ranges here.</p>")
    assert laid == ["<p>No ranges here.</p>"]


def test_layouts_tried_on_the_way_keep_the_guess_and_only_the_one_kept_settles() -> None:
    import weasyprint

    laid: list[str] = []

    def render(html: str) -> object:
        laid.append(html)
        return weasyprint.HTML(string=html).render()

    ranged = Settling(render)
    html = document({"first": 18, "second": 2, "third": 20})
    ranged.guessed(html)  # a layout copyfitting tries and drops
    kept = ranged.settled(ranged.guessed(html))
    assert len(laid) == 3 and all(", pages 00–00" in text for text in laid[:2])
    shown = re.findall(r'data-from="(\w+)"[^>]*>(, pages? [0-9–]+)</span>', laid[2])
    assert shown == [("first", ", pages 3–5"), ("second", ", page 7"), ("third", ", pages 9–11")]
    assert len(kept.pages) == 11
