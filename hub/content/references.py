"""The hub's references in place of the guide's page numbers (``hub_refs``): each names items that exist and
replaces words the item itself writes, outside the hub's own fields."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.library import Library
from hub.content.schemas import Item
from hub.words import did_you_mean


def source_strings(data: object, hub: bool = False) -> Iterator[str]:
    """Every string of an item's fields that is not the hub's own (no ``hub_`` field, no id list)."""
    if isinstance(data, dict):
        for name, value in data.items():
            if not str(name).startswith("hub_"):
                yield from source_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from source_strings(value)
    elif isinstance(data, str) and not hub:
        yield data


def reference_problems(item: Item, library: Library) -> Iterator[tuple[tuple, str]]:
    """Where a reference of the hub's names no item, or words the item does not write, as ``(location, message)``."""
    written = list(source_strings(item.model_dump(mode="python")))
    for index, ref in enumerate(item.hub_refs):
        if not any(ref.words in text for text in written):
            yield (
                ("hub_refs", index, "words"),
                f"'{ref.words}' is not among the item's words as written; a reference replaces words of the item",
            )
        if ref.say is not None and ref.say.count("{}") != 1:
            yield ("hub_refs", index, "say"), "must hold {} once, where the items referred to are named"
        for target_index, target in enumerate(ref.to):
            if target not in library.entries:
                hint = did_you_mean(target, list(library.entries), ids=True)
                yield ("hub_refs", index, "to", target_index), f"unknown item '{target}'{hint}"
            elif ref.part == "training materials" and not _has_materials(library.entries[target].item):
                yield ("hub_refs", index, "part"), f"'{target}' has no training materials"
            elif ref.block is not None and ref.block not in _block_titles(library.entries[target].item):
                titles = _block_titles(library.entries[target].item)
                hint = did_you_mean(ref.block, titles)
                yield ("hub_refs", index, "block"), f"'{target}' has no training material titled '{ref.block}'{hint}"


def _has_materials(item: object) -> bool:
    return bool(getattr(item, "training_materials", None) or getattr(item, "comparisons", None))


def _block_titles(item: object) -> list[str]:
    return [block.title for block in getattr(item, "training_materials", []) if getattr(block, "title", None)]
