"""Copyfitting: a document whose last page would hold a few stray lines is set a little tighter.

A handout of a page and two lines prints its two lines on a page of their own (issue 14: "no wasted
pages").  Keep-together rules cannot help there: the text is simply a little too long.  So, as a typesetter
would, a document whose last page is a continuation page under a third full is laid out again with
``copyfit.css`` (slightly tighter spacing, then slightly smaller type, two steps at most) and the tighter
layout is kept if it saves that page.  Only the documents that need it are laid out again, and the result
is the same every time, so PDFs stay reproducible.

Workshop packs and their sections are left alone: a pack's pages must match the sections the browser joins
(docs/browser-pack.md), and its sections start on pages of their own anyway.
"""

from __future__ import annotations

from collections.abc import Callable

FILL_LEAST = 1 / 3  # a last page under this share of its text area is worth saving
# classes copyfit.css knows, tighter each, with the share of a document's height each saves at least
STEPS = (("copyfit-1", 0.05), ("copyfit-2", 0.11), ("copyfit-3", 0.16))
_LEFT_ALONE = ('<body class="pack',)


def last_page_use(document: object) -> float:
    """How far down its text area the last page's content reaches (1.0 for a document of one page)."""
    from weasyprint.formatting_structure import boxes

    pages = document.pages  # type: ignore[attr-defined]
    if len(pages) < 2:
        return 1.0
    page_box = pages[-1]._page_box
    top = page_box.content_box_y()
    bottom = top
    for child in page_box.children:
        if isinstance(child, boxes.MarginBox):
            continue
        for box in child.descendants():
            if isinstance(box, boxes.TextBox | boxes.ReplacedBox | boxes.TableCellBox):
                bottom = max(bottom, box.position_y + box.margin_height())
    return (bottom - top) / page_box.height


def fitted(html: str, render: Callable[[str], object]) -> object:
    """The document ``render(html)`` lays out, or a tighter layout of it that saves a nearly empty last page."""
    document = render(html)
    if any(marker in html for marker in _LEFT_ALONE) or last_page_use(document) >= FILL_LEAST:
        return document
    pages = len(document.pages)  # type: ignore[attr-defined]
    needed = last_page_use(document) / (pages - 1 + last_page_use(document))  # the share to save
    tried = 0
    for step, saves in STEPS:
        if saves < needed and step != STEPS[-1][0]:
            continue  # too slight to save the page: not worth a layout
        tighter = render(html.replace("<html ", f'<html data-copyfit="{step}" ', 1))
        tried += 1
        if len(tighter.pages) < pages:  # type: ignore[attr-defined]
            return tighter
        if tried == 2:
            break
    return document
