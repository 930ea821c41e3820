"""The downloads page: every PDF the site offers, by kind, with its size and number of pages.

``downloads/index.md`` from ``templates/downloads.md.j2``.  Sizes and pages are
known once the PDFs are printed, so the page reads them through ``pdf_facts``
(see :class:`hub.render.Renderer`), and the pipeline renders it again once printing is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.kinds import KINDS
from hub.content.library import Entry
from hub.model import Model
from hub.render.formats.base import Format
from hub.render.outputs import Download, Output

PAGE = "downloads/index.md"
GROUPS = ("Workshop packs", "Handouts", "Worksheets to fill in", "Card decks", "Posters")


@dataclass(frozen=True)
class Row:
    entry: Entry
    link: Download

    @property
    def title(self) -> str:
        item = self.entry.item
        if self.link.title:
            return self.link.title
        return f"Exercise {item.number}: {item.title}" if self.entry.kind.name == "exercise" else item.title

    @property
    def section(self) -> str:
        """Handouts are listed under their kind (Exercises, Scenarios, ...); other PDFs need no sections."""
        return self.entry.kind.title if self.link.group == "Handouts" else ""


class Downloads(Format):
    name = "downloads"
    late = True  # rendered again when the PDFs' sizes and pages are known

    def outputs(self, model: Model, downloads) -> Iterator[Output]:
        groups: dict[str, list[Row]] = {group: [] for group in GROUPS}
        seen: set[str] = set()
        for kind in sorted(KINDS.values(), key=lambda kind: kind.order):
            for entry in model.library.of_kind(kind):
                for link in downloads(entry):
                    if link.pdf_path not in seen:
                        seen.add(link.pdf_path)
                        groups.setdefault(link.group, []).append(Row(entry, link))
        context = {"groups": [(group, rows) for group, rows in groups.items() if rows], "count": len(seen)}
        yield Output(PAGE, "the downloads page", "downloads.md.j2", context)


FORMAT = Downloads()
