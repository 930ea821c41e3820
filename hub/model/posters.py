"""Posters for a wall: a headline, and only as much of a source item as can be read from two metres.

A poster's body text is at least 16 pt on A4 and 24 pt on A3, it holds at most ``POSTER_WORDS`` words, and it
fits one page.  Each candidate item is measured, with the shipped font's own widths, in the forms it can take,
richest first: the whole item; for principles in groups, one poster per group; for named principles, the
names alone.  The first form whose every poster fits on both papers is offered; an item with none is not
offered as a poster at all.  Posters never reword: they show the source's words, or fewer of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hub.content.library import Entry, Library
from hub.content.schemas import Comparison, Guidance, PrincipleSet, TableBlock
from hub.content.text import plain_text
from hub.model.poster_layout import (
    FOOTER_MM,
    POSTER_SIZES,
    POSTER_WORDS,
    Poster,
    PosterCard,
    PosterContent,
    PosterTable,
    column_widths,
    layout,
)

__all__ = ["FOOTER_MM", "POSTER_SIZES", "POSTER_SOURCES", "POSTER_WORDS", "Poster", "plan_posters", "shown_text"]

POSTER_SOURCES = (  # the items worth a wall, each measured for the form it can take (or none)
    "service-led-and-outcomes-focused-iriss-2010",
    "service-led-and-outcomes-focused-pon-2016",
    "service-led-and-outcomes-focused-pon-2022",
    "from-personal-to-national-outcomes",
    "principles-underpinning-practice",
    "recording-principles",
)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", "")))[:48].strip("-")


def _table_of(entry: Entry) -> TableBlock | None:
    item = entry.item
    if isinstance(item, Comparison):
        return item.table
    if isinstance(item, Guidance):
        return next((block for block in item.body if isinstance(block, TableBlock)), None)
    return None


def poster_forms(entry: Entry) -> Iterator[list[PosterContent]]:
    """The forms an item can take on a wall, richest first; each is the posters it makes."""
    item = entry.item
    table = _table_of(entry)
    if table is not None:
        title = re.sub(r"^Table \d+:\s*", "", table.title or item.title)
        rows = tuple(tuple(row) for row in table.rows)
        yield [PosterContent(title, table=PosterTable(tuple(table.header), rows, column_widths(table.header, rows)))]
        return
    if not isinstance(item, PrincipleSet):
        return
    groups: dict[str, list[str]] = {}
    for principle in item.principles:
        groups.setdefault(principle.group or "", []).append(principle.text)
    if len(groups) > 1 and "" not in groups:  # every principle in a group: the groups, then one poster each
        yield [PosterContent(item.title, cards=tuple(PosterCard(name, tuple(texts)) for name, texts in groups.items()))]
        yield [
            PosterContent(name, _slug(name), item.title, f": {name}", cards=tuple(PosterCard("", (t,)) for t in texts))
            for name, texts in groups.items()
        ]
    else:
        yield [PosterContent(item.title, cards=tuple(PosterCard(p.name or "", (p.text,)) for p in item.principles))]
    if all(principle.name for principle in item.principles):
        names = tuple(PosterCard(principle.name or "") for principle in item.principles)
        yield [PosterContent(item.title, "names", label=" (the principles by name)", cards=names)]


def plan_posters(library: Library) -> list[Poster]:
    """Every poster offered: for each candidate item, its richest form whose every poster fits both papers."""
    posters: list[Poster] = []
    for source in POSTER_SOURCES:
        entry = library.entries.get(source)
        if entry is None:
            continue
        for form in poster_forms(entry):
            laid_out = [layout(entry, content, size) for content in form for size in POSTER_SIZES]
            if all(laid_out):
                posters += [poster for poster in laid_out if poster is not None]
                break
    return posters


def shown_text(poster: Poster) -> list[str]:
    """The source's words a poster shows, as plain text (for checking that none is reworded)."""
    if poster.table is not None:
        return [*poster.table.header, *(plain_text(cell) for row in poster.table.rows for cell in row)]
    return [text for card in poster.cards for text in (card.name, *(plain_text(t) for t in card.texts)) if text]
