"""The filled culture star of ``build.py star``: one or two readings drawn over the star, with their scores.

Made on demand, not by the build, from ``templates/print/star-filled.html.j2``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.content.library import Entry
from hub.model.star import Reading, score_rows
from hub.render.formats.base import item_context
from hub.render.outputs import Output


@dataclass(frozen=True)
class FilledStarVariant:
    name: str = "filled-star"
    label: str = "Filled star"


FILLED_STAR = FilledStarVariant()


def filled_star(entry: Entry, readings: list[Reading], title: str | None, label: str) -> Output:
    context = item_context(
        entry,
        variant=FILLED_STAR,
        readings=readings,
        score_rows=score_rows(entry.item, readings),
        sheet_title=title,
    )
    return Output("", label, "print/star-filled.html.j2", context, entry.url)
