"""What every output format shares: item contexts and the default of no downloads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hub.content.library import Entry
from hub.model import Model
from hub.render.outputs import Download


class Format:
    name = ""
    kinds: frozenset[str] = frozenset()

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        return iter(())


def item_context(entry: Entry, **more: Any) -> dict[str, Any]:
    """What a template rendering one item sees besides the common context."""
    return {"entry": entry, "item": entry.item, "kind": entry.kind, **more}
