"""Posters: ``pdf/poster-<id>-<size>.pdf`` from ``print/poster.html.j2``, fitted by :mod:`hub.model.posters`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.library import Entry
from hub.model import Model
from hub.render.formats.base import Format, item_context
from hub.render.outputs import Download, Output


@dataclass(frozen=True)
class PosterVariant:
    name: str
    label: str


class Posters(Format):
    name = "poster"
    kinds = frozenset({"comparison", "guidance", "principles"})

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for poster in model.posters:
            variant = PosterVariant("poster", poster.label)
            context = item_context(poster.entry, poster=poster, variant=variant)
            label = f"{poster.entry.path} ({variant.label.lower()})"
            yield Output(
                poster.pdf_path, label, "print/poster.html.j2", context, poster.entry.url, source=poster.entry.path
            )

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        for poster in model.posters:
            if poster.entry.id == entry.id:
                yield Download(poster.label, poster.pdf_path, "Posters")


FORMAT = Posters()
