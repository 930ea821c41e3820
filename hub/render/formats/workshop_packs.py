"""Workshop packs: cover, contents, agenda, checklist, then each exercise's guide and participant materials.

``pdf/<id>.pdf`` from ``templates/print/pack.workshop.html.j2``, with the pack's plan worked out once, and
its participant set, ``pdf/<id>-participants.pdf`` from ``templates/print/pack.participants.html.j2``: the
participant materials alone, to photocopy, each exercise starting on a fresh sheet.
"""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.kinds import KINDS
from hub.content.library import Entry
from hub.content.schemas import Pack
from hub.model import Model
from hub.model.agenda import PACKS_PAGE, PackPlan
from hub.render.formats.base import Format, item_context
from hub.render.formats.handouts import PrintVariant
from hub.render.outputs import PDF_FOLDER, Download, Output

WORKSHOP_PACK = PrintVariant("workshop", "Workshop pack")
PARTICIPANT_SET = PrintVariant("participants", "Participant set to photocopy", "-participants")
PACK_NOTE = (
    "This workshop pack is put together by the hub: the hub chose its exercises, their order and its breaks, and "
    "worked out its agenda and checklist from the guide’s timings and materials. Each exercise’s learning "
    "outcomes, instructions and materials are the guide’s words."
)  # shown as the hub's on every pack's page and cover, and drawn by the browser's packs (pack-data.js)
TEMPLATE = "print/pack.workshop.html.j2"
PARTICIPANTS_TEMPLATE = "print/pack.participants.html.j2"


def pdf_path(entry_id: str, variant: PrintVariant = WORKSHOP_PACK) -> str:
    return f"{PDF_FOLDER}/{entry_id}{variant.suffix}.pdf"


def made_to_order(pack: Pack, plan: PackPlan, label: str, participants: bool = False) -> Output:
    """A pack made by ``build.py pack``, which is in no content file, or its participant set; its page is the
    packs page."""
    variant, template = (PARTICIPANT_SET, PARTICIPANTS_TEMPLATE) if participants else (WORKSHOP_PACK, TEMPLATE)
    return Output("", label, template, {"item": pack, "variant": variant, "plan": plan}, PACKS_PAGE)


class WorkshopPacks(Format):
    name = "workshop pack"
    kinds = frozenset({"pack"})

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        for entry in model.library.of_kind(KINDS["packs"]):
            plan = model.plans[entry.id]
            context = item_context(entry, variant=WORKSHOP_PACK, plan=plan)
            label = f"{entry.path} ({WORKSHOP_PACK.label.lower()})"
            yield Output(pdf_path(entry.id), label, TEMPLATE, context, entry.url, source=entry.path)
            context = item_context(entry, variant=PARTICIPANT_SET, plan=plan)
            label = f"{entry.path} ({PARTICIPANT_SET.label.lower()})"
            path = pdf_path(entry.id, PARTICIPANT_SET)
            yield Output(path, label, PARTICIPANTS_TEMPLATE, context, entry.url, source=entry.path)

    def downloads(self, entry: Entry, model: Model) -> Iterator[Download]:
        if entry.kind.name in self.kinds:
            yield Download(WORKSHOP_PACK.label, pdf_path(entry.id), "Workshop packs")
            yield Download(PARTICIPANT_SET.label, pdf_path(entry.id, PARTICIPANT_SET), "Workshop packs")


FORMAT = WorkshopPacks()
