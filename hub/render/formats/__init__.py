"""The output formats: one content, many outputs, each format a module with its own templates.

A format says which content kinds it serves, the path rule and templates of
its outputs, how it plans outputs made of many items (decks, packs, listings),
and the downloads that item pages show for it.  Adding a format is one module
here, one line in :data:`FORMATS` and its templates; see docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from hub.content.library import Entry
from hub.model import Model
from hub.render.formats import (
    cards,
    catalogues,
    downloads,
    handouts,
    item_pages,
    planner,
    posters,
    sources,
    star_fonts,
    themes,
    worksheets,
    workshop_packs,
)
from hub.render.outputs import Download, Output

Downloads = Callable[[Entry], list[Download]]


class OutputFormat(Protocol):
    name: str
    kinds: frozenset[str]  # the content kinds it serves; empty for formats of the whole site

    def outputs(self, model: Model, downloads: Downloads) -> Iterator[Output]: ...

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]: ...


FORMATS: tuple[OutputFormat, ...] = (
    item_pages.FORMAT,
    handouts.FORMAT,
    workshop_packs.FORMAT,
    worksheets.FORMAT,
    cards.FORMAT,
    posters.FORMAT,
    catalogues.FORMAT,
    planner.FORMAT,
    themes.FORMAT,
    sources.FORMAT,
    downloads.FORMAT,
    star_fonts.FORMAT,
)
"""Every format the build makes, in the order their downloads appear on a page."""


def downloads_of(model: Model) -> Downloads:
    """Every PDF an item's page links to, from every format, worked out once per item."""
    found: dict[str, list[Download]] = {}

    def downloads(entry: Entry) -> list[Download]:
        if entry.id not in found:
            found[entry.id] = [link for output_format in FORMATS for link in output_format.downloads(entry, model)]
        return found[entry.id]

    return downloads
