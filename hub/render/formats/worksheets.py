"""Worksheets to fill in: printable and fillable sheets, from ``templates/print/worksheet-sheets.html.j2``.

An exercise with charts or forms to fill in gets ``pdf/<id>-worksheet.pdf`` (ruled, to print) and
``pdf/<id>-worksheet-fillable.pdf``; worksheets, self-assessments and the culture star get
``pdf/<id>-fillable.pdf``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.library import Entry
from hub.content.schemas import Audit, CultureStar, Exercise, Worksheet
from hub.model import Model
from hub.model.sheets import fill_in_blocks
from hub.render.formats.base import Format, item_context
from hub.render.outputs import PDF_FOLDER, Download, Output

TEMPLATE = "print/worksheet-sheets.html.j2"


@dataclass(frozen=True)
class SheetVariant:
    name: str
    label: str


PRINTABLE = SheetVariant("worksheet", "Worksheet")
FILLABLE = SheetVariant("worksheet fillable", "Fillable worksheet")


@dataclass(frozen=True)
class _Sheet:
    suffix: str
    label: str
    variant: SheetVariant
    only_fill_in: bool


def _sheets(entry: Entry) -> list[_Sheet]:
    item = entry.item
    if isinstance(item, Exercise) and fill_in_blocks(item):
        titles = " and ".join(block.title or "Worksheet" for block in fill_in_blocks(item))
        return [
            _Sheet("-worksheet", titles, PRINTABLE, True),
            _Sheet("-worksheet-fillable", f"{titles}, fillable", FILLABLE, True),
        ]
    if isinstance(item, Worksheet | Audit | CultureStar):
        label = "Fillable scores" if isinstance(item, CultureStar) else "Fillable worksheet"
        return [_Sheet("-fillable", label, FILLABLE, False)]
    return []


class Worksheets(Format):
    name = "worksheet"
    kinds = frozenset({"exercise", "worksheet", "audit", "star"})

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for entry in model.library.entries.values():
            for sheet in _sheets(entry):
                context = item_context(
                    entry,
                    variant=sheet.variant,
                    fillable=sheet.variant is FILLABLE,
                    only_fill_in=sheet.only_fill_in,
                )
                label = f"{entry.path} ({sheet.label.lower()})"
                path = f"{PDF_FOLDER}/{entry.id}{sheet.suffix}.pdf"
                yield Output(path, label, TEMPLATE, context, entry.url, source=entry.path)

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        for sheet in _sheets(entry):
            yield Download(sheet.label, f"{PDF_FOLDER}/{entry.id}{sheet.suffix}.pdf", "Worksheets to fill in")


FORMAT = Worksheets()
