"""hub.model.participant_sheets: room to write on a pack's participant pages, derived from the real exercises."""

from __future__ import annotations

from hub.content.library import Library
from hub.model.participant_sheets import SPACE_FOR_NOTES_MM, asks, notes_sheets, participant_parts
from hub.model.sheets import ROW_HEIGHT_MM, TABLE_ROW_MM, FieldNames, sheet_from_block


def exercise(library: Library, number: int):
    return next(e.item for e in library.entries.values() if e.kind.name == "exercise" and e.item.number == number)


def labels(sheet) -> list[str]:
    return [row[0].text for row in sheet.rows]


def test_an_exercise_with_nothing_to_fill_in_gets_its_questions_with_space(library: Library) -> None:
    """Exercise 8 hands out nothing, so its three questions become rows to write in, under the step's words."""
    [sheet] = notes_sheets(exercise(library, 8))
    assert sheet.intro == "Discuss your team's views of feedback including:"
    assert labels(sheet) == [
        "What do they think makes for effective feedback?",
        "When are good opportunities to deliver feedback? Team meetings, supervision, group presentations?",
        "Are staff satisfied with the feedback mechanisms already in place? Will these need to be adapted to serve "
        "an outcomes approach?",
    ]
    assert sheet.row_height_mm == round(SPACE_FOR_NOTES_MM / 3, 1)
    assert [cell.field is not None for cell in sheet.rows[0]] == [False, True]


def test_exercise_4_gets_its_pairs_task_and_its_question(library: Library) -> None:
    pairs, asked = notes_sheets(exercise(library, 4))
    assert pairs.intro.startswith("Working in pairs, ask the group to devise a number of key questions")
    assert labels(pairs) == ["the person receiving support", "the unpaid / informal / family carer."]
    assert labels(asked) == ["How do the questions differ? Discuss."]
    assert pairs.row_height_mm == asked.row_height_mm == 50.0  # three rows share the page


def test_a_quoted_title_is_not_a_question() -> None:
    assert not asks('Show the film that asks, "What are outcomes?" (http://example.org/films).')
    assert asks("How do the questions differ? Discuss.")
    assert not asks("Ask your group to list what they think the benefits of this approach are for about 10 minutes")


def test_an_exercise_with_a_sheet_to_fill_in_gets_that_sheet_and_no_other(library: Library) -> None:
    """Exercise 7's progress chart: the worksheet's own sheet, its seven rows as deep as the pack page allows."""
    ex7 = exercise(library, 7)
    [part] = [part for part in participant_parts(ex7) if part.sheet]
    worksheet = sheet_from_block(part.block, FieldNames())
    assert labels(part.sheet) == labels(worksheet) and len(part.sheet.rows) == 7
    assert part.sheet.row_height_mm == max(ROW_HEIGHT_MM[0], round(SPACE_FOR_NOTES_MM / 7, 1))
    assert part.sheet.row_height_mm <= worksheet.row_height_mm
    assert notes_sheets(ex7) == []
    risks = next(part.sheet for part in participant_parts(exercise(library, 6)) if part.sheet)
    assert risks.row_height_mm == TABLE_ROW_MM  # twelve rows: a table's least


def test_every_exercise_that_asks_its_participants_something_gives_them_room_to_write(library: Library) -> None:
    """All but Exercise 1, whose participants read (quotes, definitions, tables) and whose lists go on a flip chart."""
    with_room = set()
    for entry in library.entries.values():
        if entry.kind.name == "exercise":
            item = entry.item
            sheets = [part.sheet for part in participant_parts(item) if part.sheet] + notes_sheets(item)
            assert all(sheet.fields and sheet.row_height_mm >= TABLE_ROW_MM for sheet in sheets), item.number
            if sheets:
                with_room.add(item.number)
    assert with_room == {2, 3, 4, 5, 6, 7, 8}
