"""Worksheets as sheets to fill in: on paper (writing space) or on screen (named PDF form fields).

A *fill-in block* is a ``worksheet`` block, or a ``table`` block with a column
left empty in every row (such as Exercise 6's risks table, whose likelihood
and impact are for the group to score); every empty cell of such a table is
a field.  Each becomes a :class:`FillSheet`:
rows of cells that hold either text (a label or an example) or a field to
write in.  Field names are built from the sheet's own words, so that a saved
form reads well, e.g. ``challenge-1-planned-action-individual-level`` or
``values-action-required``; every name in one PDF is unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hub.content.schemas import Audit, Block, CultureStar, Item, TableBlock, WorksheetBlock

EXTRA_TABLE_ROWS = 4  # blank rows under a fill-in table, for what the group adds
WIDE_COLUMNS = 5  # sheets with this many columns or more are printed landscape
ROW_HEIGHT_MM = (22.0, 55.0)  # the least and most writing space in a row
TABLE_ROW_MM = 18.0  # the least in a fill-in table, whose rows already hold some text
SPACE_FOR_ROWS_MM = {False: 180.0, True: 118.0}  # height for rows on a portrait or landscape page

_NUMBERED = re.compile(r"\d+\.?")


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    short: bool = False  # a one-line box for a score or rating, not a writing space


@dataclass(frozen=True)
class FillCell:
    text: str = ""
    markdown: bool = False
    field: Field | None = None
    row_header: bool = False


@dataclass(frozen=True)
class FillSheet:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[FillCell, ...], ...]
    intro: str | None = None
    note: str | None = None
    row_height_mm: float = 30.0
    label_width: int = 0  # per cent of the width for a first column of labels; 0 for none

    @property
    def wide(self) -> bool:
        return len(self.columns) >= WIDE_COLUMNS

    @property
    def fields(self) -> list[Field]:
        return [cell.field for row in self.rows for cell in row if cell.field]


def slug(text: str, words: int = 6) -> str:
    """``"Planned action: Individual level"`` → ``planned-action-individual-level`` (at most ``words`` words)."""
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = re.sub(r"[’'`]", "", text)
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words]) or "field"


def row_key(label: str) -> str:
    """A short name for a row from its label: the words before a colon if they are few, else the first words."""
    head, colon, _ = label.partition(":")
    if colon and 0 < len(head.split()) <= 4:
        return slug(head)
    return slug(label)


class FieldNames:
    """Hands out field names, unique within one PDF."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, *parts: str) -> str:
        name = "-".join(part for part in parts if part)
        unique, number = name, 2
        while unique in self.used:
            unique, number = f"{name}-{number}", number + 1
        self.used.add(unique)
        return unique


def is_fill_in(block: Block) -> bool:
    """A worksheet, or a table with a column to fill in (empty in every row)."""
    if isinstance(block, WorksheetBlock):
        return True
    if not isinstance(block, TableBlock):
        return False
    return any(all(row[index] == "" for row in block.rows) for index in range(len(block.header)))


def fill_in_blocks(item: Item) -> list[Block]:
    blocks = [*getattr(item, "training_materials", []), *getattr(item, "body", [])]
    return [block for block in blocks if is_fill_in(block)]


def _row_height(rows: int, wide: bool, least: float = ROW_HEIGHT_MM[0]) -> float:
    return round(max(least, min(ROW_HEIGHT_MM[1], SPACE_FOR_ROWS_MM[wide] / max(rows, 1))), 1)


def _label_width(labels: list[str], columns: int) -> int:
    longest = max((len(label) for label in labels), default=0)
    if columns == 1:
        return 42 if longest > 40 else 30
    return 34 if longest > 60 else 24 if longest > 20 else 16


def sheet_from_worksheet(block: WorksheetBlock, names: FieldNames) -> FillSheet:
    """Labelled rows (labels in the first column, or numbers) and blank rows, each other cell a field.

    With a single column, the labels stand beside it (a learning log: a label,
    then space for your notes).
    """
    numbered = bool(block.row_labels) and all(_NUMBERED.fullmatch(label) for label in block.row_labels)
    labelled = bool(block.row_labels) and not numbered
    columns = ("", *block.columns) if labelled and len(block.columns) == 1 else tuple(block.columns)
    rows: list[tuple[FillCell, ...]] = []
    if numbered:
        columns = ("No.", *block.columns)
    for label in block.row_labels:
        if numbered:
            number = label.rstrip(".")
            key = f"{slug(columns[1], 3)}-{number}"
            cells = [FillCell(text=label, row_header=True)]
            cells.append(FillCell(field=Field(names(key), f"{columns[1]} {number}")))
            cells += [
                FillCell(field=Field(names(key, slug(column, 4)), f"{columns[1]} {number}: {column}"))
                for column in columns[2:]
            ]
        else:
            key, shown = row_key(label), label.rstrip(":")
            cells = [FillCell(text=label, row_header=True)]
            for column in columns[1:]:
                if len(columns) == 2:
                    cells.append(FillCell(field=Field(names(key), shown)))
                else:
                    cells.append(FillCell(field=Field(names(key, slug(column, 4)), f"{shown}: {column}")))
        rows.append(tuple(cells))
    for index in range(1, block.blank_rows + 1):
        key = f"{slug(block.title, 4)}-{index}"
        writing = columns[1:] if labelled else columns
        cells = [FillCell(row_header=True)] if labelled else []
        for column in writing:
            name = names(key) if len(writing) == 1 else names(key, slug(column, 4))
            cells.append(FillCell(field=Field(name, f"{block.title}, row {index}: {column}")))
        rows.append(tuple(cells))
    label_width = 7 if numbered else _label_width(block.row_labels, len(columns) - 1) if labelled else 0
    return FillSheet(
        block.title,
        columns,
        tuple(rows),
        block.intro,
        block.note,
        _row_height(len(rows), len(columns) >= WIDE_COLUMNS),
        label_width,
    )


def sheet_from_table(block: TableBlock, names: FieldNames) -> FillSheet:
    """A table with empty cells: its text stays, each empty cell becomes a field, and blank rows follow."""
    columns = tuple(block.header)
    title = block.title or block.caption or "Table"
    rows: list[tuple[FillCell, ...]] = []
    row_keys = FieldNames()  # a category given on two rows names the second "...-2"
    for row in block.rows:
        key = row_keys(slug(row[0])) if row[0] else ""
        cells = []
        for column, cell in zip(columns, row, strict=True):
            if cell:
                cells.append(FillCell(text=cell, markdown=True))
            else:
                shown = f"{row[0]}: {column}" if row[0] else column
                cells.append(FillCell(field=Field(names(key or slug(title, 4), slug(column, 4)), shown)))
        rows.append(tuple(cells))
    for index in range(1, EXTRA_TABLE_ROWS + 1):
        key = f"{slug(title, 4)}-row-{index}"
        rows.append(
            tuple(
                FillCell(field=Field(names(key, slug(column, 4)), f"{title}, added row {index}: {column}"))
                for column in columns
            )
        )
    wide = len(columns) >= WIDE_COLUMNS
    return FillSheet(title, columns, tuple(rows), None, block.note, _row_height(len(rows), wide, TABLE_ROW_MM), 0)


def sheet_from_block(block: Block, names: FieldNames) -> FillSheet:
    if isinstance(block, WorksheetBlock):
        return sheet_from_worksheet(block, names)
    assert isinstance(block, TableBlock)
    return sheet_from_table(block, names)


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
    return FillSheet("Your scores", columns, rows, None, None, 13.0, 22)


@dataclass(frozen=True)
class SheetPart:
    """One thing on a worksheet PDF, in order: a sheet to fill in (with its block), or a block shown as it is."""

    sheet: FillSheet | None = None
    block: Block | None = None
    star: bool = False  # the blank culture star


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


def iter_fields(parts: list[SheetPart]) -> Iterator[Field]:
    for part in parts:
        if part.sheet:
            yield from part.sheet.fields


def sheet_parts(item: Item, only_fill_in: bool = False) -> list[SheetPart]:
    """What a worksheet PDF of ``item`` holds, in order."""
    if isinstance(item, Audit):
        return [SheetPart(sheet=audit_sheet(item, FieldNames()))]
    if isinstance(item, CultureStar):
        parts = [SheetPart(star=True), SheetPart(sheet=star_sheet(item, FieldNames()))]
        return parts + [SheetPart(block=block) for block in item.body]
    return worksheet_parts(item, only_fill_in)
