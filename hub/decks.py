"""Card decks and posters: cut-out cards for the table and posters for the wall.

Cards are laid out on A4 sheets for a guillotine: the cards touch, crop marks
in the margins show every cut, and each sheet of fronts is followed by its
backs, mirrored left to right so that they line up when printed double-sided
and flipped on the long edge.  Text is measured with the shipped font's own
advance widths, so that a card's text is set as large as fits, and a text too
long for one card at a readable size is split over several.  Posters are set
the same way: the largest text that fits the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from hub.content import Entry, Library
from hub.markup import plain_text
from hub.schemas import Comparison, Guidance, PrincipleSet, QuestionSet, Scenario, TableBlock

MM_PER_PT = 25.4 / 72
A4 = (210.0, 297.0)
A3 = (297.0, 420.0)
FONT_FOLDER = Path(__file__).resolve().parent.parent / "docs/assets/fonts"
LINE_HEIGHT = 1.25
WIDTH_SAFETY = 1.04  # Pango's line breaking and bold words may take a little more than the sum of advances


# --- measuring text --------------------------------------------------------------


class TextMeasure:
    """Line counts for text set in Atkinson Hyperlegible, from the font's advance widths."""

    def __init__(self, fonts: Path = FONT_FOLDER) -> None:
        from fontTools.ttLib import TTFont

        self._widths: dict[bool, tuple[dict[int, int], int]] = {}
        for bold, name in ((False, "400-normal"), (True, "700-normal")):
            font = TTFont(fonts / f"atkinson-hyperlegible-latin-{name}.woff")
            cmap, metrics = font.getBestCmap(), font["hmtx"]
            advances = {code: metrics[glyph][0] for code, glyph in cmap.items()}
            self._widths[bold] = (advances, font["head"].unitsPerEm)

    @cache  # noqa: B019 - one measure lives for the whole build
    def width_em(self, text: str, bold: bool = False) -> float:
        advances, per_em = self._widths[bold]
        fallback = advances.get(ord("M"), per_em)
        return sum(advances.get(ord(char), fallback) for char in text) / per_em * WIDTH_SAFETY

    def lines(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> int | None:
        """How many lines ``text`` takes, or ``None`` if a single word is wider than the line."""
        width_em = width_mm / MM_PER_PT / size_pt
        space = self.width_em(" ", bold)
        count = 0
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                continue
            count += 1
            used = 0.0
            for word in words:
                word_width = self.width_em(word, bold)
                if word_width > width_em:
                    return None
                if used and used + space + word_width > width_em:
                    count += 1
                    used = word_width
                else:
                    used += (space if used else 0) + word_width
        return count

    def height_mm(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> float | None:
        lines = self.lines(text, size_pt, width_mm, bold)
        return None if lines is None else lines * size_pt * LINE_HEIGHT * MM_PER_PT


_measure: TextMeasure | None = None


def text_measure() -> TextMeasure:
    global _measure
    if _measure is None:
        _measure = TextMeasure()
    return _measure


@cache
def plain(markdown: str) -> str:
    """Author Markdown as the words a reader sees, for measuring."""
    return " ".join(plain_text(markdown).split())


# --- cards ----------------------------------------------------------------------


@dataclass(frozen=True)
class CardFormat:
    """A card size and how many go on an A4 sheet; every length in millimetres."""

    name: str
    width: float
    height: float
    columns: int
    rows: int
    top: float
    padding: float
    kicker_pt: float
    sizes_pt: tuple[float, ...]  # text sizes to try, largest first
    heading_scale: float = 1.1

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def left(self) -> float:
        return (A4[0] - self.columns * self.width) / 2

    @property
    def grid_bottom(self) -> float:
        return self.top + self.rows * self.height

    def position(self, slot: int, back: bool = False) -> tuple[float, float]:
        """Top-left corner of card ``slot`` (0-based, across then down); backs are mirrored left to right."""
        row, column = divmod(slot, self.columns)
        if back:
            column = self.columns - 1 - column
        return self.left + column * self.width, self.top + row * self.height

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.padding

    @property
    def kicker_width(self) -> float:
        """The kicker shares its line with the card's number on the right."""
        return self.text_width - 12.0

    def kicker_height(self, kicker: str) -> float | None:
        height = text_measure().height_mm(kicker, self.kicker_pt, self.kicker_width)
        return None if height is None else height + KICKER_GAP_MM

    def cut_lines(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Where the guillotine cuts: the x of each vertical cut and the y of each horizontal one."""
        xs = tuple(round(self.left + column * self.width, 2) for column in range(self.columns + 1))
        ys = tuple(round(self.top + row * self.height, 2) for row in range(self.rows + 1))
        return xs, ys


KICKER_GAP_MM = 1.5
HEADING_GAP_EM = 0.4
SMALL_CARD = CardFormat(
    "small", 85.0, 55.0, 2, 4, 24.0, 4.5, 7.0, (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5)
)
LARGE_CARD = CardFormat("large", 90.0, 120.0, 2, 2, 14.0, 6.0, 8.0, (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5))
CARD_FORMATS = {card.name: card for card in (SMALL_CARD, LARGE_CARD)}


@dataclass(frozen=True)
class Card:
    number: int
    kicker: str
    heading: str
    text: str  # author Markdown
    size_pt: float
    part: str = ""  # "1 of 2" when a long text is split over cards


@dataclass(frozen=True)
class PlacedCard:
    card: Card
    x: float
    y: float


@dataclass(frozen=True)
class Sheet:
    number: int
    fronts: tuple[PlacedCard, ...]
    backs: tuple[PlacedCard, ...]


@dataclass(frozen=True)
class DeckSpec:
    name: str
    title: str
    source: str  # an item id, or a content folder for a deck of every item in it
    card: CardFormat = SMALL_CARD


DECKS = (
    DeckSpec("questions-for-supervision", "Questions for supervision", "questions-for-supervision"),
    DeckSpec("questions-for-partners", "Questions for partners", "questions-for-partners"),
    DeckSpec("conversational-traps", "Conversational traps", "conversational-traps"),
    DeckSpec("exploratory-questions", "Exploratory questions", "exploratory-questions"),
    DeckSpec("positive-risk-principles", "Positive risk: 12 practice principles", "positive-risk-practice-principles"),
    DeckSpec("recording-principles", "12 recording principles", "recording-principles"),
    DeckSpec("scenarios", "Scenarios", "scenarios", LARGE_CARD),
)


@dataclass(frozen=True)
class Deck:
    name: str
    title: str
    entries: tuple[Entry, ...]
    card: CardFormat
    cards: tuple[Card, ...]
    page: str  # the site page the deck comes from, relative to the site root

    @property
    def link_label(self) -> str:
        """The label of the link to the deck on each of its items' pages."""
        return f"{self.title.removesuffix('s')} cards" if len(self.entries) > 1 else "Cards"

    @property
    def pdf_path(self) -> str:
        return f"pdf/cards-{self.name}.pdf"

    @property
    def sheets(self) -> list[Sheet]:
        per = self.card.per_sheet
        sheets = []
        for start in range(0, len(self.cards), per):
            group = self.cards[start : start + per]
            fronts = tuple(PlacedCard(card, *self.card.position(slot)) for slot, card in enumerate(group))
            backs = tuple(PlacedCard(card, *self.card.position(slot, back=True)) for slot, card in enumerate(group))
            sheets.append(Sheet(start // per + 1, fronts, backs))
        return sheets


def heading_pt(size: float, card: CardFormat) -> float:
    return round(size * card.heading_scale, 2)


def fit_card(kicker: str, heading: str, text: str, card: CardFormat) -> float | None:
    """The largest text size at which ``kicker``, ``heading`` and ``text`` fit on one card, or ``None``."""
    measure = text_measure()
    kicker_height = card.kicker_height(kicker)
    if kicker_height is None:
        return None
    space = card.height - 2 * card.padding - kicker_height
    for size in card.sizes_pt:
        used = 0.0
        if heading:
            heading_height = measure.height_mm(heading, heading_pt(size, card), card.text_width, bold=True)
            if heading_height is None:
                continue
            used += heading_height + size * HEADING_GAP_EM * MM_PER_PT
        body = measure.height_mm(plain(text), size, card.text_width)
        if body is not None and used + body <= space:
            return size
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“'\"(])")


def split_text(text: str, parts: int) -> list[str]:
    """``text`` in ``parts`` pieces of about equal length, broken between sentences where possible."""
    pieces = _SENTENCE_END.split(text)
    if len(pieces) < parts:
        pieces = text.split()
    target = len(text) / parts
    chunks: list[list[str]] = [[]]
    length = 0
    for piece in pieces:
        if chunks[-1] and length + len(piece) / 2 > target * len(chunks) and len(chunks) < parts:
            chunks.append([])
        chunks[-1].append(piece)
        length += len(piece) + 1
    return [" ".join(chunk) for chunk in chunks if chunk]


def cards_for(kicker: str, heading: str, text: str, card: CardFormat) -> list[Card]:
    """One card, or several when the text will not fit one at a readable size (numbered later)."""
    size = fit_card(kicker, heading, text, card)
    if size is not None:
        return [Card(0, kicker, heading, text, size)]
    for parts in range(2, 8):
        chunks = split_text(text, parts)
        headings = [heading if index == 0 else f"{heading} (continued)" if heading else "" for index in range(parts)]
        sizes = [fit_card(kicker, head, chunk, card) for head, chunk in zip(headings, chunks, strict=False)]
        if len(chunks) == parts and all(sizes):
            smallest = min(size for size in sizes if size)
            return [
                Card(0, kicker, head, chunk, smallest, f"{index} of {parts}")
                for index, (head, chunk) in enumerate(zip(headings, chunks, strict=True), start=1)
            ]
    raise ValueError(f"{heading or text[:40]!r} is too long for a {card.name} card")


def scenario_kicker(scenario: Scenario) -> str:
    """Where in its source a scenario comes from, e.g. "Exercise five" or "2.3 Planning for action"."""
    section = scenario.source.section.rsplit(", ", 1)[-1]
    return section.removesuffix(": training materials")


def _deck_cards(spec: DeckSpec, entries: Sequence[Entry]) -> list[Card]:
    made: list[Card] = []
    for entry in entries:
        item = entry.item
        if isinstance(item, QuestionSet):
            for group in item.groups:
                kicker = group.title or spec.title
                for question in group.questions:
                    made += cards_for(kicker, "", question, spec.card)
        elif isinstance(item, PrincipleSet):
            for number, principle in enumerate(item.principles, start=1):
                kicker = principle.group or spec.title
                heading = principle.name or f"Principle {number}"
                made += cards_for(kicker, heading, principle.text, spec.card)
        elif isinstance(item, Scenario):
            made += cards_for(scenario_kicker(item), item.label, item.text, spec.card)
        else:
            raise TypeError(f"no cards can be made from {entry.path}")
    return made


def plan_decks(library: Library) -> list[Deck]:
    decks = []
    for spec in DECKS:
        if spec.source in library.entries:
            entries = [library.entries[spec.source]]
            page = entries[0].url
        else:
            entries = [entry for entry in library.entries.values() if entry.kind.folder == spec.source]
            entries.sort(key=lambda entry: (entry.kind.sort_key(entry)[:2], getattr(entry.item, "label", "")))
            page = f"{spec.source}/"
        if not entries:
            continue
        made = _deck_cards(spec, entries)
        size = min(card.size_pt for card in made)  # one text size for the whole deck
        cards = tuple(replace(card, number=number, size_pt=size) for number, card in enumerate(made, start=1))
        decks.append(Deck(spec.name, spec.title, tuple(entries), spec.card, cards, page))
    return decks


# --- posters --------------------------------------------------------------------


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


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """Per-cent widths: wide enough for each column's longest word, then shared by how much it holds."""
    measure = text_measure()
    columns = list(zip(header, *rows, strict=True))
    longest = [max(measure.width_em(word) for cell in column for word in plain(cell).split()) for column in columns]
    amount = [sum(measure.width_em(plain(cell)) for cell in column) ** 0.5 for column in columns]
    weights = [max(amount[i] / sum(amount), longest[i] * 0.045) for i in range(len(columns))]
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
