"""Page ranges in print: "pages 9–11" (or "page 9") where a document names the pages one of its parts takes.

CSS gives the page an element starts on (``target-counter``), but not the page a part ends on, nor "page" for
one page and "pages" for more.  So a document that names a part's pages (a workshop pack's checklist names
each exercise's participant materials) marks the place with::

    <span class="page-range" data-from="ID" data-until="ID">, pages …</span>

meaning the pages from the one where element ``from`` starts up to the last before the one where element
``until`` starts (or the document's end, when ``until`` is empty), less the pages left blank for double-sided
printing.  The document is laid out, each range is read from where its parts fell and written in, and it is
laid out again until the ranges it shows are where its parts are: twice, as a rule.  The same HTML always
gives the same layouts, so PDFs stay reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MARK = 'class="page-range"'
_RANGE = re.compile(r'(<span class="page-range" data-from="([^"]+)" data-until="([^"]*)">)(.*?)(</span>)')
_FIRST_GUESS = ", pages 00–00"  # as wide as most ranges, so the second layout seldom moves anything
TRIES = 4


def range_text(first: int, last: int) -> str:
    """Pages counted from 1: ``, page 9`` or ``, pages 9–11``."""
    return f", page {first}" if first == last else f", pages {first}–{last}"


def ranges(document: object, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Where each part ``(from, until)`` of a laid-out document is: ``, pages 9–11``; "" for one not in it."""
    pages = document.pages  # type: ignore[attr-defined]
    where: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            where.setdefault(anchor, index)
    found: dict[tuple[str, str], str] = {}

    def blank(index: int) -> bool:
        return bool(pages[index]._page_box.page_type.blank)

    for start, until in dict.fromkeys(wanted):
        if start not in where:
            found[(start, until)] = ""
            continue
        first = where[start]
        last = where[until] - 1 if until in where else len(pages) - 1
        while last > first and blank(last):
            last -= 1
        found[(start, until)] = range_text(first + 1, max(first, last) + 1)
    return found


def _filled(html: str, shown: dict[tuple[str, str], str] | None) -> str:
    """``html`` with each range as ``shown`` says (the first guess where it says nothing)."""
    return _RANGE.sub(lambda m: f"{m[1]}{(shown or {}).get((m[2], m[3]), _FIRST_GUESS)}{m[5]}", html)


class Settling:
    """Page ranges filled in once a document's layout is chosen, not in every layout tried on the way.

    ``guessed(html)`` lays a document out with each range at its first guess (as wide as most), which is as
    good as the real ones for judging a layout (copyfitting's trials); ``settled(document)`` then lays out
    again, with the ranges read from it, the one document kept, until its ranges are where its parts are.
    """

    def __init__(self, render: Callable[[str], object]) -> None:
        self.render = render
        self._laid_out: dict[int, tuple[object, str]] = {}  # by id(): each document with ranges, and its HTML

    def guessed(self, html: str) -> object:
        if MARK not in html:
            return self.render(html)
        document = self.render(_filled(html, None))
        self._laid_out[id(document)] = (document, html)
        return document

    def settled(self, document: object) -> object:
        if id(document) not in self._laid_out:  # a document without ranges
            return document
        html = self._laid_out[id(document)][1]
        wanted = [(m[2], m[3]) for m in _RANGE.finditer(html)]
        text = _filled(html, None)
        for _ in range(TRIES - 1):
            settled = _filled(html, ranges(document, wanted))
            if settled == text:
                return document
            text = settled
            document = self.render(text)
        return document


def settling(render: Callable[[str], object]) -> Callable[[str], object]:
    """``render`` for documents with page ranges: each laid out until its ranges are where its parts are."""
    settle = Settling(render)
    return lambda html: settle.settled(settle.guessed(html))
