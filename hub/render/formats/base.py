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
    # Names this format may write whatever the content (such as the later pages of a long list), each with an
    # example of where; no item may take one as its id (see hub/render/reserved.py).
    reserved: dict[str, str] = {}  # noqa: RUF012 - read only

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        return iter(())


def item_context(entry: Entry, **more: Any) -> dict[str, Any]:
    """What a template rendering one item sees besides the common context."""
    return {"entry": entry, "item": entry.item, "kind": entry.kind, **more}
