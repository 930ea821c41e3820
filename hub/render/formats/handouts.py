"""Handouts: each item's own PDFs, ``pdf/<id><suffix>.pdf`` from ``templates/print/<kind>.<variant>.html.j2``.

An exercise has a facilitator handout and a participant worksheet; a quiz has a participants' copy
without its answers and a facilitator's copy with them; every other kind but the pack (see
:mod:`workshop_packs`) has one handout.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.kinds import KINDS, Kind
from hub.content.library import Entry
from hub.model import Model
from hub.render.formats.base import Format, item_context
from hub.render.outputs import PDF_FOLDER, Download, Output


@dataclass(frozen=True)
class PrintVariant:
    """What a print template knows about the kind of PDF it makes (as ``variant``)."""

    name: str
    label: str
    suffix: str = ""


FACILITATOR = PrintVariant("facilitator", "Facilitator handout", "-facilitator")
PARTICIPANT = PrintVariant("participant", "Participant worksheet", "-participant")
HANDOUT = PrintVariant("handout", "Handout")
QUIZ_PARTICIPANT = PrintVariant("participant", "Participant copy, without answers", "-participant")
QUIZ_FACILITATOR = PrintVariant("facilitator", "Facilitator copy, with answers", "-facilitator")
VARIANTS = {"exercise": (FACILITATOR, PARTICIPANT), "quiz": (QUIZ_PARTICIPANT, QUIZ_FACILITATOR)}


def variants(kind: Kind) -> tuple[PrintVariant, ...]:
    return VARIANTS.get(kind.name, (HANDOUT,))


def pdf_path(entry: Entry, variant: PrintVariant) -> str:
    return f"{PDF_FOLDER}/{entry.id}{variant.suffix}.pdf"


class Handouts(Format):
    name = "handout"
    kinds = frozenset(kind.name for kind in KINDS.values() if kind.name != "pack")

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for kind in sorted(KINDS.values(), key=lambda kind: kind.order):
            if kind.name not in self.kinds:
                continue
            for entry in model.library.of_kind(kind):
                for variant in variants(kind):
                    yield Output(
                        pdf_path(entry, variant),
                        f"{entry.path} ({variant.label.lower()})",
                        f"print/{kind.name}.{variant.name}.html.j2",
                        item_context(entry, variant=variant),
                        entry.url,
                        source=entry.path,
                    )

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        if entry.kind.name in self.kinds:
            for variant in variants(entry.kind):
                yield Download(variant.label, pdf_path(entry, variant))


FORMAT = Handouts()
