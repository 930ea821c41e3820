"""Posters for the wall: a table or a set of principles at the largest size that fits the page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hub.content.library import Entry, Library
from hub.content.schemas import Comparison, Guidance, PrincipleSet, TableBlock
from hub.model.measure import A3, A4, MM_PER_PT, plain, text_measure


@dataclass(frozen=True)
class PosterSize:
    name: str
    width: float
    height: float
    margin: float
    footer_pt: float
    smallest_pt: float  # below this a poster is not legible across a room

    def page(self, landscape: bool) -> tuple[float, float]:
        return (self.height, self.width) if landscape else (self.width, self.height)


POSTER_SIZES = (
    PosterSize("A4", *A4, 12.0, 8.0, 12.0),
    PosterSize("A3", *A3, 15.0, 10.0, 16.0),
)
POSTER_SOURCES = (
    "service-led-and-outcomes-focused-iriss-2010",
    "service-led-and-outcomes-focused-pon-2016",
    "service-led-and-outcomes-focused-pon-2022",
    "from-personal-to-national-outcomes",
    "principles-underpinning-practice",
)
TITLE_SCALE = 1.7
PRINCIPLE_GAP_EM = 1.0  # between principles (poster.css: ul.poster-principles gap)
PRINCIPLE_PADDING_EM = 0.6
PRINCIPLE_BORDER_EM = 0.3
PRINCIPLE_NAME_SCALE = 1.15
PRINCIPLE_NAME_GAP_EM = 0.3
CELL_PADDING_EM = (0.3, 0.45)  # vertical, horizontal
FOOTER_MM = {"A4": 24.0, "A3": 31.0}  # the footer with its QR code, and a gap above it


@dataclass(frozen=True)
class PosterTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # per cent


@dataclass(frozen=True)
class PosterPrinciple:
    name: str
    text: str


@dataclass(frozen=True)
class Poster:
    entry: Entry
    title: str
    size: PosterSize
    landscape: bool
    body_pt: float
    table: PosterTable | None = None
    principles: tuple[PosterPrinciple, ...] = ()
    columns: int = 1

    @property
    def pdf_path(self) -> str:
        return f"pdf/poster-{self.entry.id}-{self.size.name.lower()}.pdf"

    @property
    def page_size(self) -> tuple[float, float]:
        return self.size.page(self.landscape)

    @property
    def title_pt(self) -> float:
        return round(self.body_pt * TITLE_SCALE, 1)


LONGEST_WORD_EM = 12.0  # a longer word (a web address) is broken over lines rather than widen its column


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
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


def _table_height(table: PosterTable, size: float, width: float, bold_header: bool = True) -> float | None:
    measure = text_measure()
    pad_v, pad_h = (em * size * MM_PER_PT for em in CELL_PADDING_EM)
    total = 0.0
    for row_index, row in enumerate([table.header, *table.rows]):
        tallest = 0.0
        for cell, percent in zip(row, table.widths, strict=True):
            cell_width = width * percent / 100 - 2 * pad_h
            height = measure.height_mm(plain(cell), size, cell_width, bold=row_index == 0 and bold_header)
            if height is None:
                return None
            tallest = max(tallest, height)
        total += tallest + 2 * pad_v
    return total


def _principles_height(principles: Sequence[PosterPrinciple], size: float, width: float, columns: int) -> float | None:
    measure = text_measure()
    em = size * MM_PER_PT
    gap, padding, border = PRINCIPLE_GAP_EM * em, PRINCIPLE_PADDING_EM * em, PRINCIPLE_BORDER_EM * em
    column_width = (width - (columns - 1) * gap) / columns - 2 * padding - border
    heights = []
    for principle in principles:
        name = measure.height_mm(principle.name, size * PRINCIPLE_NAME_SCALE, column_width, bold=True)
        text = measure.height_mm(plain(principle.text), size, column_width)
        if name is None or text is None:
            return None
        heights.append(name + PRINCIPLE_NAME_GAP_EM * em + text + 2 * padding)
    rows = [max(heights[start : start + columns]) for start in range(0, len(heights), columns)]
    return sum(rows) + (len(rows) - 1) * gap


def _fits(poster: Poster) -> bool:
    width, height = poster.page_size
    inner_width = width - 2 * poster.size.margin
    inner_height = height - 2 * poster.size.margin - FOOTER_MM[poster.size.name]
    title = text_measure().height_mm(poster.title, poster.title_pt, inner_width, bold=True)
    if title is None:
        return False
    space = (inner_height - title - poster.body_pt * 0.8 * MM_PER_PT) * 0.96
    if poster.table is not None:
        used = _table_height(poster.table, poster.body_pt, inner_width)
    else:
        used = _principles_height(poster.principles, poster.body_pt, inner_width, poster.columns)
    return used is not None and used <= space


def _largest_fit(poster: Poster, largest: float = 60.0) -> Poster | None:
    """The poster at the largest body size, in half points, that fits its page; text only grows with size."""
    steps = int((largest - poster.size.smallest_pt) * 2)
    low, high = 0, steps  # search the half-point steps above the smallest legible size
    if not _fits(replace(poster, body_pt=poster.size.smallest_pt)):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(replace(poster, body_pt=poster.size.smallest_pt + middle / 2)):
            low = middle
        else:
            high = middle - 1
    return replace(poster, body_pt=poster.size.smallest_pt + low / 2)


def _poster_content(entry: Entry) -> tuple[str, PosterTable | None, tuple[PosterPrinciple, ...]]:
    item = entry.item
    table: TableBlock | None = None
    if isinstance(item, Comparison):
        table = item.table
    elif isinstance(item, Guidance):
        table = next((block for block in item.body if isinstance(block, TableBlock)), None)
    elif isinstance(item, PrincipleSet):
        principles = tuple(PosterPrinciple(p.name or "", p.text) for p in item.principles)
        return item.title, None, principles
    if table is None:
        raise TypeError(f"no poster can be made from {entry.path}")
    title = table.title or item.title
    title = re.sub(r"^Table \d+:\s*", "", title)
    rows = tuple(tuple(row) for row in table.rows)
    return title, PosterTable(tuple(table.header), rows, _column_widths(table.header, rows)), ()


def plan_posters(library: Library) -> list[Poster]:
    posters = []
    for source in POSTER_SOURCES:
        entry = library.entries.get(source)
        if entry is None:
            continue
        title, table, principles = _poster_content(entry)
        for size in POSTER_SIZES:
            candidates = []
            for landscape in (False, True):
                for columns in (1, 2) if principles else (1,):
                    fitted = _largest_fit(Poster(entry, title, size, landscape, 0.0, table, principles, columns))
                    if fitted:
                        candidates.append(fitted)
            if not candidates:  # more than a page can hold legibly: the smallest legible size, over two pages
                candidates.append(Poster(entry, title, size, False, size.smallest_pt, table, principles, 1))
            posters.append(max(candidates, key=lambda poster: (poster.body_pt, not poster.landscape)))
    return posters
