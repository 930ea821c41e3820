"""The library: every content item with where it came from, and the sources and themes they name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from yaml.nodes import Node

from hub.content.kinds import Kind
from hub.content.schemas import Audit, Comparison, Document, Exercise, Item, Pack, Theme


@dataclass
class Entry:
    """One content item with where it came from."""

    id: str
    kind: Kind
    item: Item
    path: str
    root: Node = field(repr=False)

    @property
    def url(self) -> str:
        return f"{self.kind.folder}/{self.id}/"


@dataclass
class Library:
    sources: dict[str, Document]
    themes: dict[str, Theme]
    entries: dict[str, Entry]

    def of_kind(self, kind: Kind) -> list[Entry]:
        found = [entry for entry in self.entries.values() if entry.kind is kind]
        return sorted(found, key=kind.sort_key)

    def used_by(self, item_id: str) -> list[Entry]:
        """Items that name ``item_id`` in their scenarios, worksheets, exercises or see_also."""
        return list(self._users.get(item_id, []))

    @cached_property
    def _users(self) -> dict[str, list[Entry]]:
        users: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            for named in dict.fromkeys(references(entry.item)):
                users.setdefault(named, []).append(entry)
        for found in users.values():
            found.sort(key=lambda entry: (entry.kind.order, entry.kind.sort_key(entry)))
        return users


def references(item: Item) -> list[str]:
    named = list(item.see_also)
    if isinstance(item, Exercise):
        named += item.scenarios + item.worksheets + item.comparison_ids
    if isinstance(item, Audit):
        named += [exercise for need in item.needs for exercise in need.exercises]
    if isinstance(item, Comparison):
        named += item.compare_with
    if isinstance(item, Pack):
        named += item.exercises
    return named
