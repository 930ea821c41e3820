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
from collections import Counter
from dataclasses import dataclass

from hub.content.schemas import Block, Item, TableBlock, WorksheetBlock
from hub.content.text import plain_text

EXTRA_TABLE_ROWS = 4  # blank rows under a fill-in table, for what the group adds
WIDE_COLUMNS = 5  # sheets with this many columns or more are printed landscape
ROW_HEIGHT_MM = (22.0, 55.0)  # the least and most writing space in a row
TABLE_ROW_MM = 16.0  # the least in a fill-in table, whose rows already hold some text: two ruled lines
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
    hint: str = ""  # what to write in the field, as the source says it


def is_hint(cell: str) -> bool:
    """A table cell that only says, in brackets, what to write in it."""
    return len(cell) > 2 and cell.startswith("(") and cell.endswith(")") and "(" not in cell[1:-1]


@dataclass(frozen=True)
class FillSheet:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[FillCell, ...], ...]
    intro: str | None = None
    note: str | None = None
    row_height_mm: float = 30.0
    label_width: int = 0  # per cent of the width for a first column of labels; 0 for none
    widths: tuple[int, ...] = ()  # per cent for each column, where they are not to share what labels leave
    typed_row_mm: float | None = None  # a lower row when typed into (the text shrinks to fit), if need be
    least_mm: float = ROW_HEIGHT_MM[0]  # the least a row may be set to when copyfitting (hub/printing/copyfit.py)

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


def _row_label(row: list[str], number: int, repeated: bool) -> str:
    """How a row's fields are described: by its category, and where that is given on several rows, by the
    row's own example too ("Risks to provider (e.g. risk of reputation if something goes wrong)")."""
    if not repeated:
        return row[0]
    given = next((plain_text(cell) for cell in row[1:] if cell and not is_hint(cell)), "")
    return f"{row[0]} ({' '.join(given.split())})" if given else f"{row[0]}, row {number}"


def sheet_from_table(block: TableBlock, names: FieldNames) -> FillSheet:
    """A table with empty cells: its text stays, each empty cell (or hint) becomes a field, and blank rows follow."""
    columns = tuple(block.header)
    title = block.title or block.caption or "Table"
    rows: list[tuple[FillCell, ...]] = []
    row_keys = FieldNames()  # a category given on two rows names the second "...-2"
    categories = Counter(row[0] for row in block.rows if row[0])
    for number, row in enumerate(block.rows, start=1):
        key = row_keys(slug(row[0])) if row[0] else ""
        label = _row_label(row, number, categories[row[0]] > 1) if row[0] else ""
        cells = []
        for column, cell in zip(columns, row, strict=True):
            if cell and not is_hint(cell):
                cells.append(FillCell(text=cell, markdown=True))
            else:
                shown = f"{label}: {column}" if label else column
                field = Field(names(key or slug(title, 4), slug(column, 4)), shown)
                cells.append(FillCell(field=field, hint=cell[1:-1] if cell else ""))
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
    height = _row_height(len(rows), wide, TABLE_ROW_MM)
    return FillSheet(title, columns, tuple(rows), None, block.note, height, 0, least_mm=TABLE_ROW_MM)


def sheet_from_block(block: Block, names: FieldNames) -> FillSheet:
    if isinstance(block, WorksheetBlock):
        return sheet_from_worksheet(block, names)
    assert isinstance(block, TableBlock)
    return sheet_from_table(block, names)
