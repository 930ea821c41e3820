"""The session planner: ``exercises/plan.md``, carrying the exercises it offers, so it works from file:// too."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.kinds import KINDS
from hub.model import Model
from hub.model.listings import listing_pages
from hub.render.formats.base import Format
from hub.render.outputs import Output

PAGE = "exercises/plan.md"


class Planner(Format):
    name = "planner"
    kinds = frozenset({"exercise"})
    reserved = {"plan": PAGE}  # noqa: RUF012 - read only

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        exercises = model.library.of_kind(KINDS["exercises"])
        if exercises:
            first = listing_pages("exercises", exercises)[0]
            context = {"entries": first.entries, "total": len(exercises), "listing": first}
            yield Output(PAGE, "the session planner", "planner.md.j2", context)


FORMAT = Planner()
