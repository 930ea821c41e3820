"""Stage two: what the pages and PDFs show, derived once from the library.

Everything here is pure data worked out from the content: agendas and
checklists, the audit's choice, the star's geometry, sheets to fill in, card
decks and posters fitted to their paper, and listings in pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.content.kinds import KINDS
from hub.content.library import Entry, Library
from hub.content.schemas import Pack
from hub.model.agenda import PackPlan, plan_pack
from hub.model.cards import Deck, plan_decks
from hub.model.posters import Poster, plan_posters


@dataclass(frozen=True)
class Model:
    """The library and what is derived from it, each worked out once per build."""

    library: Library
    plans: dict[str, PackPlan]
    decks: tuple[Deck, ...]
    posters: tuple[Poster, ...]
    by_theme: dict[str, list[Entry]]

    @classmethod
    def of(cls, library: Library) -> Model:
        plans = {
            entry.id: plan_pack(entry.item, library)
            for entry in library.entries.values()
            if isinstance(entry.item, Pack)
        }
        by_theme: dict[str, list[Entry]] = {theme_id: [] for theme_id in library.themes}
        for kind in sorted(KINDS.values(), key=lambda kind: kind.order):
            for entry in library.of_kind(kind):
                for theme_id in entry.item.themes:
                    by_theme[theme_id].append(entry)
        return cls(library, plans, tuple(plan_decks(library)), tuple(plan_posters(library)), by_theme)

    def plan_of(self, entry: Entry) -> PackPlan | None:
        return self.plans.get(entry.id)
