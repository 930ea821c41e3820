"""The item page: every item's page on the site, ``<folder>/<id>.md`` from ``templates/<kind>.md.j2``."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.kinds import KINDS
from hub.model import Model
from hub.render.formats.base import Format, item_context
from hub.render.outputs import Output


def page_path(folder: str, item_id: str) -> str:
    return f"{folder}/{item_id}.md"


class ItemPages(Format):
    name = "item page"
    kinds = frozenset(kind.name for kind in KINDS.values())

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for kind in sorted(KINDS.values(), key=lambda kind: kind.order):
            for entry in model.library.of_kind(kind):
                context = item_context(entry, plan=model.plan_of(entry))
                yield Output(
                    page_path(kind.folder, entry.id), entry.path, f"{kind.name}.md.j2", context, source=entry.path
                )


FORMAT = ItemPages()
