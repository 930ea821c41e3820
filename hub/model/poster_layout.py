"""Posters fitted to their paper: what a poster shows, and the largest text it can be set in, measured with the
shipped font's own widths (see :mod:`hub.model.posters` for which items become posters, in which form)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from hub.content.library import Entry
from hub.model.measure import A3, A4, MM_PER_PT, line_units, plain, text_measure, word_pieces


@dataclass(frozen=True)
class PosterSize:
    name: str
    width: float
    height: float
    margin: float
    footer_pt: float
    smallest_pt: float  # body text below this cannot be read from two metres
    largest_pt: float  # body text above this is shouting

    def page(self, landscape: bool) -> tuple[float, float]:
        return (self.height, self.width) if landscape else (self.width, self.height)


POSTER_SIZES = (
    PosterSize("A4", *A4, 12.0, 8.0, 16.0, 40.0),
    PosterSize("A3", *A3, 15.0, 10.0, 24.0, 60.0),
)
POSTER_WORDS = 150  # what a passer-by reads standing at a wall: about 40 seconds' reading
HEADLINE_SCALE = 1.5  # the headline against the body text
HEADLINE_MOST = 1.2  # … and against the largest body text of its paper
HEADLINE_GAP_EM = 0.6  # between the headline and the body (poster.css)
KICKER_GAP_EM = 0.2  # between the item's title, over a group's headline, and the headline
CARD_GAP_EM = 0.8  # between principles (poster.css: ul.poster-principles gap)
CARD_PADDING_EM = 0.5
CARD_BORDER_EM = 0.3
CARD_NAME_SCALE = 1.15
CARD_NAME_GAP_EM = 0.25
CARD_ITEM_GAP_EM = 0.3  # between the texts of one card
CARD_BULLET_EM = 1.0  # the indent of the texts of a card that holds several, for their bullets
CELL_PADDING_EM = (0.3, 0.45)  # vertical, horizontal
FOOTER_MM = {"A4": 24.0, "A3": 31.0}  # the footer with its QR code, and a gap above it
SAFETY = 0.96  # of the height measured as free, for what measuring by advance widths cannot know


@dataclass(frozen=True)
class PosterTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # per cent


@dataclass(frozen=True)
class PosterCard:
    """A principle (its name and text), a group of principles (its name and theirs), or a name alone."""

    name: str
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PosterContent:
    """What one poster shows, in the source's words."""

    headline: str
    part: str = ""  # in the file name, for one of several posters of an item
    kicker: str = ""  # the item's title, over a headline that is one of its groups
    label: str = ""  # after "Poster A3" in the item's downloads
    table: PosterTable | None = None
    cards: tuple[PosterCard, ...] = ()

    @property
    def words(self) -> int:
        if self.table is not None:
            cells = [*self.table.header, *(cell for row in self.table.rows for cell in row)]
        else:
            cells = [text for card in self.cards for text in (card.name, *card.texts)]
        return sum(len(plain(cell).split()) for cell in cells)


@dataclass(frozen=True)
class Poster:
    entry: Entry
    content: PosterContent
    size: PosterSize
    landscape: bool
    body_pt: float
    columns: int = 1

    @property
    def title(self) -> str:
        return self.content.headline

    @property
    def table(self) -> PosterTable | None:
        return self.content.table

    @property
    def cards(self) -> tuple[PosterCard, ...]:
        return self.content.cards

    @property
    def pdf_path(self) -> str:
        part = f"-{self.content.part}" if self.content.part else ""
        return f"pdf/poster-{self.entry.id}{part}-{self.size.name.lower()}.pdf"

    @property
    def label(self) -> str:
        return f"Poster {self.size.name}{self.content.label}"

    @property
    def page_size(self) -> tuple[float, float]:
        return self.size.page(self.landscape)

    @property
    def title_pt(self) -> float:
        return round(min(self.body_pt * HEADLINE_SCALE, self.size.largest_pt * HEADLINE_MOST), 1)


LONGEST_WORD_EM = 12.0  # a longer word (a web address) is broken over lines rather than widen its column


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """Per-cent widths: wide enough for each column's longest word, then shared by how much it holds."""
    measure = text_measure()
    columns = list(zip(header, *rows, strict=True))
    longest = [
        min(LONGEST_WORD_EM, max((measure.widest_piece_em(plain(cell)) for cell in column), default=0.0))
        for column in columns
    ]
    amount = [sum(measure.width_em(plain(cell)) for cell in column) ** 0.5 for column in columns]
    total_amount = sum(amount) or 1.0  # a table of empty cells shares its width equally
    weights = [max(amount[i] / total_amount, longest[i] * 0.045, 0.01) for i in range(len(columns))]
    total = sum(weights)
    widths = [round(100 * weight / total) for weight in weights]
    widths[-1] = 100 - sum(widths[:-1])
    return tuple(widths)


@cache  # the search for column widths and sizes measures the same cell again and again
def _height(text: str, size: float, width: float, bold: bool = False) -> float | None:
    """The height of ``text`` at ``size`` in ``width`` mm, or None if a word would be broken between its letters
    (only a word longer than ``LONGEST_WORD_EM``, a web address, may be: a poster is read from two metres)."""
    measure = text_measure()
    room = width / MM_PER_PT / size  # in ems
    pieces = (measure.width_em(piece, bold) for unit in line_units(text) for piece in word_pieces(unit))
    if any(room < piece <= LONGEST_WORD_EM for piece in pieces):
        return None
    return measure.height_mm(text, size, width, bold)


def _table_height(table: PosterTable, size: float, width: float) -> float | None:
    pad_v, pad_h = (em * size * MM_PER_PT for em in CELL_PADDING_EM)
    total = 0.0
    for row_index, row in enumerate([table.header, *table.rows]):
        tallest = 0.0
        for column, (cell, percent) in enumerate(zip(row, table.widths, strict=True)):
            bold = row_index == 0 or (column == 0 and len(table.header) > 2)  # headings, and row headings
            height = _height(plain(cell), size, width * percent / 100 - 2 * pad_h, bold=bold)
            if height is None:
                return None
            tallest = max(tallest, height)
        total += tallest + 2 * pad_v
    return total


def _cards_height(cards: Sequence[PosterCard], size: float, width: float, columns: int) -> float | None:
    em = size * MM_PER_PT
    gap, padding = CARD_GAP_EM * em, CARD_PADDING_EM * em
    inner = (width - (columns - 1) * gap) / columns - 2 * padding - CARD_BORDER_EM * em
    heights = []
    for card in cards:
        parts = [_height(card.name, size * CARD_NAME_SCALE, inner, bold=True)] if card.name else []
        indent = CARD_BULLET_EM * em if len(card.texts) > 1 else 0.0
        parts += [_height(plain(text), size, inner - indent) for text in card.texts]
        if not parts or None in parts:
            return None
        gaps = (CARD_NAME_GAP_EM if card.name and card.texts else 0) + CARD_ITEM_GAP_EM * max(len(card.texts) - 1, 0)
        heights.append(sum(parts) + gaps * em + 2 * padding)
    rows = [max(heights[start : start + columns]) for start in range(0, len(heights), columns)]
    return sum(rows) + (len(rows) - 1) * gap


def _best_widths(table: PosterTable, size: float, width: float) -> PosterTable:
    """The column widths, in whole per cent, that make the table lowest at ``size``: from the first guess, one
    per cent at a time moved from one column to another while that makes it lower."""
    best, lowest = table, _table_height(table, size, width) or math.inf  # inf: a word wider than its column
    improved = True
    while improved:
        improved = False
        for give in range(len(table.widths)):
            for take in range(len(table.widths)):
                widths = list(best.widths)
                widths[give], widths[take] = widths[give] - 1, widths[take] + 1
                if give == take or widths[give] < 5:
                    continue
                trial = replace(best, widths=tuple(widths))
                height = _table_height(trial, size, width)
                if height is not None and height < lowest - 0.01:
                    best, lowest, improved = trial, height, True
    return best


def _fits(poster: Poster) -> bool:
    width, height = poster.page_size
    inner_width = width - 2 * poster.size.margin
    inner_height = height - 2 * poster.size.margin - FOOTER_MM[poster.size.name]
    headline = _height(poster.title, poster.title_pt, inner_width, bold=True)
    kicker = 0.0
    if poster.content.kicker:
        kicker = _height(poster.content.kicker, poster.body_pt, inner_width, bold=True)
        kicker = None if kicker is None else kicker + KICKER_GAP_EM * poster.body_pt * MM_PER_PT
    if headline is None or kicker is None:
        return False
    space = (inner_height - kicker - headline - HEADLINE_GAP_EM * poster.body_pt * MM_PER_PT) * SAFETY
    if poster.table is not None:
        used = _table_height(poster.table, poster.body_pt, inner_width)
    else:
        used = _cards_height(poster.cards, poster.body_pt, inner_width, poster.columns)
    return used is not None and used <= space


def _at(poster: Poster, body_pt: float) -> Poster:
    """``poster`` with its body text at ``body_pt``, and a table's columns as wide as suits that size."""
    poster = replace(poster, body_pt=body_pt)
    if poster.table is None:
        return poster
    width = poster.page_size[0] - 2 * poster.size.margin
    return replace(poster, content=replace(poster.content, table=_best_widths(poster.table, body_pt, width)))


def _largest_fit(poster: Poster) -> Poster | None:
    """The poster at the largest body size, in half points, that fits its page; text only grows with size."""
    smallest = poster.size.smallest_pt
    if not _fits(_at(poster, smallest)):
        return None
    low, high = 0, int((poster.size.largest_pt - smallest) * 2)  # the half-point steps above the smallest
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(_at(poster, smallest + middle / 2)):
            low = middle
        else:
            high = middle - 1
    return _at(poster, smallest + low / 2)


def layout(entry: Entry, content: PosterContent, size: PosterSize) -> Poster | None:
    """The poster of ``content`` on ``size`` with the largest text: portrait or landscape, in 1 to 3 columns."""
    if content.words > POSTER_WORDS:
        return None
    candidates = []
    for landscape in (False, True):
        for columns in (1,) if content.table else (1, 2, 3):
            if columns > max(len(content.cards), 1):
                continue
            fitted = _largest_fit(Poster(entry, content, size, landscape, 0.0, columns))
            if fitted:
                candidates.append(fitted)
    return max(candidates, key=lambda poster: (poster.body_pt, not poster.landscape, -poster.columns), default=None)
