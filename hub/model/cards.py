"""Card decks: cut-out cards for the table, laid out on A4 sheets for a guillotine.

The cards touch, crop marks in the margins show every cut, and each sheet of
fronts is followed by its backs, mirrored left to right so that they line up
when printed double-sided and flipped on the long edge.  A card's text is set
as large as fits, and a text too long for one card at a readable size is split
over several.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hub.content.library import Entry, Library
from hub.content.locate import field_path, node_at
from hub.content.schemas import PrincipleSet, QuestionSet, Scenario
from hub.model.card_formats import HEADING_GAP_EM, LARGE_CARD, SMALL_CARD, CardFormat
from hub.model.card_labels import scenario_kicker
from hub.model.measure import MM_PER_PT, plain, text_measure
from hub.problems import ContentError, Problem
from hub.words import typographic_quotes


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


MOST_PARTS = 7  # a text is split over at most this many cards


class TooLongForCards(Exception):
    """Content that does not fit on cards at a readable size, even split; ``part`` says which part is at fault."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part  # "kicker", "heading" or "text"
        self.message = message


def cards_for(kicker: str, heading: str, text: str, card: CardFormat) -> list[Card]:
    """One card, or several when the text will not fit one at a readable size (numbered later).

    Raises TooLongForCards for what cannot be printed on cards at the smallest size, however split.
    """
    made = _fitted(kicker, heading, text, card)
    if made is None:
        raise _too_long(kicker, heading, card)
    return made


def _fitted(kicker: str, heading: str, text: str, card: CardFormat) -> list[Card] | None:
    size = fit_card(kicker, heading, text, card)
    if size is not None:
        return [Card(0, kicker, heading, text, size)]
    for parts in range(2, MOST_PARTS + 1):
        chunks = split_text(text, parts)
        headings = [heading if index == 0 else f"{heading} (continued)" if heading else "" for index in range(parts)]
        sizes = [fit_card(kicker, head, chunk, card) for head, chunk in zip(headings, chunks, strict=False)]
        if len(chunks) == parts and all(sizes):
            smallest = min(size for size in sizes if size)
            return [
                Card(0, kicker, head, chunk, smallest, f"{index} of {parts}")
                for index, (head, chunk) in enumerate(zip(headings, chunks, strict=True), start=1)
            ]
    return None


def _too_long(kicker: str, heading: str, card: CardFormat) -> TooLongForCards:
    """The part to blame: a kicker or heading taking over a third of a card (every part repeats it), else the text."""
    size = f"{card.width:g} × {card.height:g} mm"
    smallest = card.sizes_pt[-1]
    third = (card.height - 2 * card.padding) / 3
    kicker_height = card.kicker_height(kicker)
    if kicker_height is None or kicker_height > third:
        return TooLongForCards("kicker", f"is too long to head a card of {size}; shorten it")
    if heading:
        continued = f"{heading} (continued)"
        height = text_measure().height_mm(continued, heading_pt(smallest, card), card.text_width, bold=True)
        if height is None or height > third:
            return TooLongForCards(
                "heading", f"is too long for the heading of a card of {size} at {smallest:g} pt; shorten it"
            )
    return TooLongForCards(
        "text",
        f"is too long to print on cards: split over {MOST_PARTS} cards of {size}, it still does not fit "
        f"at {smallest:g} pt; shorten it",
    )


def _problem(entry: Entry, loc: tuple, message: str) -> Problem:
    node, walked = node_at(entry.root, loc)
    return Problem(entry.path, node.start_mark.line + 1, node.start_mark.column + 1, field_path(walked), message)


def _deck_cards(
    spec: DeckSpec, entries: Sequence[Entry], problems: list[Problem], used_by: dict[str, list[int]]
) -> list[Card]:
    """The cards of a deck; what cannot be printed on cards, and a card label another card of the deck has
    already, are added to ``problems``, with where they are."""
    made: list[Card] = []
    labels: dict[str, tuple[Entry, int]] = {}  # a card's label (its heading) → where it was first, and its card

    def add(entry: Entry, kicker: str, heading: str, text: str, where: dict[str, tuple]) -> None:
        kicker, heading, text = typographic_quotes(kicker), typographic_quotes(heading), typographic_quotes(text)
        if heading:
            first = labels.setdefault(heading.casefold(), (entry, len(made) + 1))
            if first != (entry, len(made) + 1):
                at = "" if first[0] is entry else f" (from {first[0].path})"
                problems.append(
                    _problem(
                        entry,
                        where["heading"],
                        f"'{heading}' is already the label of card {first[1]} of the '{spec.title}' deck{at}; "
                        "each card of a deck needs a label of its own",
                    )
                )
        try:
            made.extend(cards_for(kicker, heading, text, spec.card))
        except TooLongForCards as error:
            problems.append(_problem(entry, where[error.part], error.message))

    for entry in entries:
        item = entry.item
        if isinstance(item, QuestionSet):
            for g, group in enumerate(item.groups):
                for q, question in enumerate(group.questions):
                    text_at = ("groups", g, "questions", q)
                    where = {"kicker": ("groups", g, "title") if group.title else text_at, "text": text_at}
                    add(entry, group.title or spec.title, "", question, where)
        elif isinstance(item, PrincipleSet):
            for number, principle in enumerate(item.principles, start=1):
                at = ("principles", number - 1)
                where = {"kicker": (*at, "group" if principle.group else "text"), "heading": (*at, "name")}
                where["text"] = (*at, "text")
                heading = principle.name or f"Principle {number}"
                add(entry, principle.group or spec.title, heading, principle.text, where)
        elif isinstance(item, Scenario):
            where = {"kicker": ("label",), "heading": ("title",), "text": ("text",)}
            add(entry, scenario_kicker(item, used_by.get(entry.id, [])), item.title, item.text, where)
        else:
            raise TypeError(f"no cards can be made from {entry.path}")
    return made


def plan_decks(library: Library) -> list[Deck]:
    """Every deck, its cards fitted to their size; ContentError names any text that cannot be fitted."""
    decks: list[Deck] = []
    problems: list[Problem] = []
    used_by: dict[str, list[int]] = {}  # a scenario's id → the numbers of the exercises that use it
    for entry in library.entries.values():
        for scenario in getattr(entry.item, "scenarios", []):
            used_by.setdefault(scenario, []).append(entry.item.number)
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
        made = _deck_cards(spec, entries, problems, used_by)
        if not made:
            continue
        size = min(card.size_pt for card in made)  # one text size for the whole deck
        cards = tuple(replace(card, number=number, size_pt=size) for number, card in enumerate(made, start=1))
        decks.append(Deck(spec.name, spec.title, tuple(entries), spec.card, cards, page))
    if problems:
        raise ContentError(sorted(set(problems)))  # a heading too long for a card is named once, not once a card
    return decks
