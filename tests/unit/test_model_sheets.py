"""hub.model.sheets and sheet_parts: every writable cell of a fill-in table is a field, each field is named and
described once, and the culture star's PDF holds the table its text speaks of."""

from __future__ import annotations

from collections import Counter

from hub.content.library import Library
from hub.content.schemas import Audit, CultureStar, TableBlock, WorksheetBlock
from hub.model.sheet_parts import sheet_parts
from hub.model.sheets import FieldNames, fill_in_blocks, is_hint, sheet_from_block


def test_every_writable_cell_of_every_fill_in_table_is_a_field(library: Library) -> None:
    """A cell left empty, or one that only says in brackets what to write, is a field; written cells are not."""
    checked = 0
    for entry in library.entries.values():
        for block in fill_in_blocks(entry.item):
            sheet = sheet_from_block(block, FieldNames())
            if isinstance(block, TableBlock):
                for source, row in zip(block.rows, sheet.rows, strict=False):
                    writable = [not cell or is_hint(cell) for cell in source]
                    assert [cell.field is not None for cell in row] == writable, (entry.id, source)
                    checked += 1
            else:
                assert isinstance(block, WorksheetBlock)
                for row in sheet.rows:  # every cell but a row's label is a field
                    assert all(cell.field for cell in row if not cell.row_header), (entry.id, row)
                    checked += 1
    assert checked > 50


def test_the_risk_tables_first_provider_row_has_its_action_field(library: Library) -> None:
    table = library.entries["exercise-6-risk-taking"].item.training_materials[0]
    provider = sheet_from_block(table, FieldNames()).rows[2]
    assert provider[4].field and provider[4].field.name == "risks-to-provider-action"
    assert provider[4].hint == "short summary notes of what action could be taken"
    assert is_hint("(short summary notes of what action could be taken)")
    assert not is_hint("e.g. (a) or (b)") and not is_hint("()")


def test_no_two_fields_of_a_pdf_share_a_name_or_a_description(library: Library) -> None:
    for entry in library.entries.values():
        if not (fill_in_blocks(entry.item) or isinstance(entry.item, Audit | CultureStar)):
            continue
        fields = [
            field for part in sheet_parts(entry.item, False, library) if part.sheet for field in part.sheet.fields
        ]
        assert fields, entry.id
        for what in ("name", "title"):
            twice = [text for text, count in Counter(getattr(f, what) for f in fields).items() if count > 1]
            assert twice == [], (entry.id, what, twice)


def test_the_star_holds_the_table_its_text_speaks_of_right_after_it(library: Library) -> None:
    star = library.entries["culture-star"].item
    parts = sheet_parts(star, False, library)
    texts = [getattr(part.block, "text", "") for part in parts]
    here = next(i for i, text in enumerate(texts) if "like the one here" in text)
    table = parts[here + 1]
    assert table.sheet and table.origin and table.origin.id == "culture-analysis-template"
    assert {row[0].text for row in table.sheet.rows} == {point.name for point in star.points}  # by name alone
    assert sheet_parts(star)[-1].block is star.body[-1]  # without the library, the star's own parts only
