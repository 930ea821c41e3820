"""Sources: ``sources/index.md``, every source document with its licence and the items taken from it."""

from __future__ import annotations

from collections.abc import Iterator

from hub.model import Model
from hub.render.formats.base import Format
from hub.render.outputs import Output


class Sources(Format):
    name = "sources"

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        yield Output("sources/index.md", "the sources page", "sources.md.j2")


FORMAT = Sources()
