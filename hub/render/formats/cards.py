"""Card decks: ``pdf/cards-<deck>.pdf`` from ``templates/print/cards.html.j2``, planned from many items.

Each deck is laid out by :mod:`hub.model.cards`; every item a deck is made from links to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.library import Entry
from hub.model import Model
from hub.render.formats.base import Format, item_context
from hub.render.outputs import Download, Output


@dataclass(frozen=True)
class CardsVariant:
    name: str = "cards"
    label: str = "Cards"


CARDS = CardsVariant()


class Cards(Format):
    name = "cards"
    kinds = frozenset({"questions", "principles", "scenario"})

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for deck in model.decks:
            context = item_context(deck.entries[0], deck=deck, variant=CARDS)
            label = f"{deck.entries[0].path} ({deck.link_label.lower()})"
            yield Output(deck.pdf_path, label, "print/cards.html.j2", context, deck.page)

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        for deck in model.decks:
            if any(member.id == entry.id for member in deck.entries):
                yield Download(deck.link_label, deck.pdf_path, "Card decks", deck.title)


FORMAT = Cards()
