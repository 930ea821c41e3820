"""What a worksheet PDF holds, in order: sheets to fill in (:mod:`hub.model.sheets`), the blocks between them
and, for the culture star, the star itself, its scores and the table its text speaks of."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hub.content.library import Entry, Library
from hub.content.schemas import Audit, Block, CultureStar, Item, TextBlock, WorksheetBlock
from hub.model.sheets import (
    Field,
    FieldNames,
    FillCell,
    FillSheet,
    is_fill_in,
    sheet_from_block,
    sheet_from_worksheet,
)

# The analysis table in the culture star's PDF, which shares its pages with the star's text: two ruled lines a
# row on paper; typed into, a lower row, so that the star's text after it fits the same page.
STAR_TABLE_ROW_MM = (16.0, 13.0)


def star_table(star: CultureStar, library: Library) -> tuple[Entry, WorksheetBlock] | None:
    """The table the star's text means by "a table, like the one here": the worksheet, among the items it
    points to, whose rows are the star's points (the culture analysis template)."""
    names = {point.name for point in star.points}
    for item_id in star.see_also:
        entry = library.entries.get(item_id)
        for block in getattr(entry.item, "body", []) if entry else []:
            if isinstance(block, WorksheetBlock) and {label.partition(":")[0] for label in block.row_labels} == names:
                return entry, block
    return None


def refers_to_a_table(block: Block) -> bool:
    """A paragraph that speaks of "a table", after which the table belongs."""
    return isinstance(block, TextBlock) and re.search(r"\ba table\b", block.text) is not None


def audit_sheet(audit: Audit, names: FieldNames) -> FillSheet:
    """The training-priorities audit: a rating from 1 to 5 for each need, before and after training."""
    scale = f"{audit.scale[0].split()[0]} to {audit.scale[-1].split()[0]}"
    columns = ("Team learning needs", f"Before training ({scale})", "Priority sections", f"After training ({scale})")
    rows = []
    for number, need in enumerate(audit.needs, start=1):
        rows.append(
            (
                FillCell(text=need.need, row_header=True),
                FillCell(field=Field(names(f"need-{number}-before-training"), f"{need.need}: before training", True)),
                FillCell(text=need.priority_sections),
                FillCell(field=Field(names(f"need-{number}-after-training"), f"{need.need}: after training", True)),
            )
        )
    return FillSheet(audit.title, columns, tuple(rows), None, None, 14.0, 40)


def star_sheet(star: CultureStar, names: FieldNames) -> FillSheet:
    """The culture star's points, each with a space for its score."""
    columns = ("Point of the star", "Statement", f"Score (1 to {star.scale_max})")
    rows = tuple(
        (
            FillCell(text=point.name, row_header=True),
            FillCell(text=point.statement, markdown=True),
            FillCell(field=Field(names(point.key, "score"), f"{point.name}: score from 1 to {star.scale_max}", True)),
        )
        for point in star.points
    )
    return FillSheet("Your scores", columns, rows, None, None, 10.0, 20, (20, 62, 18))


@dataclass(frozen=True)
class SheetPart:
    """One thing on a worksheet PDF, in order: a sheet to fill in (with its block), or a block shown as it is."""

    sheet: FillSheet | None = None
    block: Block | None = None
    star: bool = False  # the blank culture star
    origin: Entry | None = None  # the item a sheet comes from, if not the PDF's own


def worksheet_parts(item: Item, only_fill_in: bool = False) -> list[SheetPart]:
    """The parts of an item's worksheet PDF, each fill-in block as a sheet, with names unique in the PDF."""
    names = FieldNames()
    parts = []
    for block in [*getattr(item, "training_materials", []), *getattr(item, "body", [])]:
        if is_fill_in(block):
            parts.append(SheetPart(sheet=sheet_from_block(block, names), block=block))
        elif not only_fill_in:
            parts.append(SheetPart(block=block))
    return parts


def sheet_parts(item: Item, only_fill_in: bool = False, library: Library | None = None) -> list[SheetPart]:
    """What a worksheet PDF of ``item`` holds, in order.  The culture star's holds the table its text speaks
    of, from the item that has it, right after it does."""
    if isinstance(item, Audit):
        return [SheetPart(sheet=audit_sheet(item, FieldNames()))]
    if isinstance(item, CultureStar):
        names = FieldNames()
        parts = [SheetPart(star=True), SheetPart(sheet=star_sheet(item, names))]
        table = star_table(item, library) if library is not None else None
        for block in item.body:
            parts.append(SheetPart(block=block))
            if table is not None and refers_to_a_table(block):
                # Each row by its point's name alone: the points' statements are in "Your scores" above.
                labels = [label.partition(":")[0] for label in table[1].row_labels]
                sheet = sheet_from_worksheet(table[1].model_copy(update={"row_labels": labels}), names)
                written, typed = STAR_TABLE_ROW_MM
                sheet = replace(sheet, row_height_mm=written, typed_row_mm=typed, label_width=20)
                parts.append(SheetPart(sheet=sheet, origin=table[0]))
                table = None
        return parts
    return worksheet_parts(item, only_fill_in)
