"""Catalogues: each kind's list of items, in pages of 50, with filters; ``<folder>/index.md``, ``<folder>/page/<n>.md``.

A catalogue of more than one page also gets ``<folder>/catalogue-data.js``: every
item as JSON, for the filters and the session planner (see :mod:`hub.model.listings`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.kinds import KINDS
from hub.content.library import Entry, Library
from hub.content.schemas import Exercise, Theme
from hub.content.text import plain_text
from hub.model import Model
from hub.model.listings import DATA_SCRIPT, data_script, listing_pages, page_name
from hub.render.formats.base import Format
from hub.render.outputs import Download, Output


@dataclass(frozen=True)
class FilterChoices:
    """The values a catalogue's filters offer: those its items have (exercises have all four)."""

    themes: list[tuple[str, Theme]]
    minutes: list[int]
    parts: list[int]
    audiences: list[str]

    @classmethod
    def of(cls, entries: list[Entry], library: Library) -> FilterChoices:
        used = {theme for entry in entries for theme in entry.item.themes}
        themes = [(key, theme) for key, theme in library.themes.items() if key in used]
        themes.sort(key=lambda pair: pair[1].label)
        exercises = [entry.item for entry in entries if isinstance(entry.item, Exercise)]
        return cls(
            themes,
            sorted({item.time.minutes for item in exercises}),
            sorted({item.part for item in exercises}),
            sorted({audience for item in exercises for audience in item.audience}),
        )


def catalogue_record(entry: Entry, library: Library, downloads: list[Download]) -> dict:
    """What the filters and the planner need to show an item that is not on the page in view."""
    item = entry.item
    labels = [library.themes[theme].label for theme in item.themes]
    record = {"id": entry.id, "title": plain_text(item.title), "summary": plain_text(item.summary_text)}
    if item.hub_wrote_summary:
        record["hubSummary"] = True  # the hub's words: shown with their label (templates/_provenance.html.j2)
    record |= {"themes": "|".join(item.themes), "facts": ""}
    if entry.kind.name == "exercise":
        time = ("At least " if item.time.at_least else "About ") + f"{item.time.minutes} minutes"
        part = "Part " + ("one" if item.part == 1 else "two")
        record |= {
            "title": f"Exercise {item.number}: {record['title']}",
            "number": item.number,
            "minutes": item.time.minutes,
            "atLeast": item.time.at_least,
            "part": str(item.part),
            "audience": "|".join(item.audience),
            "facts": " · ".join([time, part, ", ".join(labels)] if labels else [time, part]),
            "materials": [plain_text(material) for material in item.materials],
            "prints": [{"label": f"{link.label} (PDF)", "pdf": link.pdf_path} for link in downloads],
        }
    return record


class Catalogues(Format):
    name = "catalogue"
    reserved = {  # noqa: RUF012 - read only
        "index": page_name("<folder>", 1),
        "page": page_name("<folder>", 2),
        DATA_SCRIPT.removesuffix(".js"): f"<folder>/{DATA_SCRIPT}",
    }

    def outputs(self, model: Model, downloads) -> Iterator[Output]:
        library = model.library
        for kind in sorted(KINDS.values(), key=lambda kind: kind.order):
            entries = library.of_kind(kind)
            if not entries:
                continue
            listing = listing_pages(kind.folder, entries)
            choices = FilterChoices.of(entries, library)
            for page in listing:
                context = {"kind": kind, "entries": entries, "listing": page, "choices": choices}
                yield Output(page.name, f"the {kind.title.lower()} catalogue", "catalogue.md.j2", context)
            if listing[0].paged:
                records = [catalogue_record(entry, library, downloads(entry)) for entry in entries]
                yield Output(f"{kind.folder}/{DATA_SCRIPT}", "catalogue data", text=data_script(kind.folder, records))


FORMAT = Catalogues()
