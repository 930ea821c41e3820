"""A workshop pack's participant pages, with room to write for everything a participant answers.

The packs use the worksheets' own sheets (:mod:`hub.model.sheets`, drawn by
``print/worksheet-macros.html.j2``): a fill-in block (a chart, a table with a
column to fill) is printed as its ruled sheet; a block of questions gets a
row of writing space for each question; and an exercise that hands its
participants nothing to write on gets a sheet from its own instructions,
the hub's, so its participant page is more than its learning outcomes:

* each sub-step a step lists for the group to come up with or discuss is a
  row (Exercise 5's reasons, resources, partners, barriers; Exercise 8's
  three questions), under the step's own words;
* each step that asks a question of the group ("How do the questions
  differ? Discuss.") is a row.

A task the facilitator records on a flip chart ("Ask your group to list
...") is not asked of each participant, so it gets no row.

A row's space follows the sheets' rule: the sheet shares a page's writing
space between its rows, within the sheets' least and most heights, so a
sheet of three questions has deep rows and one of seven has shallower ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hub.content.parts import QuestionsBlock
from hub.content.schemas import Block, Exercise, Step, TableBlock
from hub.model.sheets import (
    ROW_HEIGHT_MM,
    SPACE_FOR_ROWS_MM,
    TABLE_ROW_MM,
    Field,
    FieldNames,
    FillCell,
    FillSheet,
    is_fill_in,
    row_key,
    sheet_from_block,
)

NOTES_COLUMN = "Your notes"
HUB_TITLE = "Your notes"  # the heading of a sheet the hub made from an exercise's instructions
HUB_INTRO = "The questions of this exercise, from its instructions, with space to write."
LABEL_WIDTH = 38  # per cent of the width for the question beside its writing space
SPACE_FOR_NOTES_MM = 150.0  # a pack page's writing space, less the heading and learning outcomes above it
_QUESTION = re.compile(r"\?(\s|$)")  # a question mark that ends a sentence, not one inside a quoted title


@dataclass(frozen=True)
class ParticipantPart:
    """One thing on an exercise's participant pages, in order: a sheet to write on (with the block it comes
    from, if any; ``hub`` when the hub made it from the instructions), or a block shown as it is."""

    sheet: FillSheet | None = None
    block: Block | None = None
    hub: bool = False


def row_height(rows: int, space: float = SPACE_FOR_ROWS_MM[False]) -> float:
    """The sheets' rule: a portrait page's writing space shared between the rows, within the least and most."""
    return round(max(ROW_HEIGHT_MM[0], min(ROW_HEIGHT_MM[1], space / max(rows, 1))), 1)


def question_sheet(
    title: str, questions: list[str], names: FieldNames, intro: str | None = None, height: float | None = None
) -> FillSheet:
    """A row of writing space beside each question (Markdown, the source's words)."""
    rows = []
    for question in questions:
        shown = question.rstrip(":")
        cell = Field(names(row_key(question)), shown)
        rows.append((FillCell(text=question, markdown=True, row_header=True), FillCell(field=cell)))
    height = height or row_height(len(rows))
    return FillSheet(title, ("", NOTES_COLUMN), tuple(rows), intro, None, height, LABEL_WIDTH)


def asks(text: str) -> bool:
    """A step that asks the group a question (a task for the flip chart, such as a list, is the facilitator's)."""
    return bool(_QUESTION.search(text))


def instruction_sheets(exercise: Exercise, names: FieldNames) -> list[FillSheet]:
    """Sheets from the instructions: one for each step that lists what to come up with, one for the questions."""
    groups: list[tuple[str | None, list[str]]] = []
    questions: list[str] = []
    for step in exercise.instructions:
        text, steps = (step.text, list(step.steps)) if isinstance(step, Step) else (step, [])
        if steps:
            groups.append((text, steps))
        elif asks(text):
            questions.append(text)
    if questions:
        groups.append((None, questions))
    height = row_height(sum(len(rows) for _, rows in groups), SPACE_FOR_NOTES_MM)  # the rows share one page
    return [question_sheet(HUB_TITLE, rows, names, intro, height) for intro, rows in groups]


def in_pack(sheet: FillSheet, block: Block) -> FillSheet:
    """A worksheet's sheet on a pack's page, which its heading and learning outcomes share: its rows as deep
    as on the worksheet where they fit there, else shallower, down to the sheets' least."""
    least = TABLE_ROW_MM if isinstance(block, TableBlock) else ROW_HEIGHT_MM[0]
    fitting = max(least, SPACE_FOR_NOTES_MM / max(len(sheet.rows), 1))
    return replace(sheet, row_height_mm=round(min(sheet.row_height_mm, fitting), 1))


def participant_parts(exercise: Exercise, blocks: Sequence[Block] | None = None) -> list[ParticipantPart]:
    """An exercise's training materials (or ``blocks`` of them: one sheet handed out together) as its
    participant pages show them, each thing to answer with space."""
    names = FieldNames()
    parts: list[ParticipantPart] = []
    for block in exercise.training_materials if blocks is None else blocks:
        if is_fill_in(block):
            parts.append(ParticipantPart(sheet=in_pack(sheet_from_block(block, names), block), block=block))
        elif isinstance(block, QuestionsBlock):
            sheet = question_sheet(block.title or NOTES_COLUMN, list(block.items), names, block.intro)
            parts.append(ParticipantPart(sheet=sheet, block=block))
        else:
            parts.append(ParticipantPart(block=block))
    return parts


def notes_sheets(exercise: Exercise) -> list[FillSheet]:
    """The hub's sheets from the instructions, for an exercise whose materials give nothing to write on."""
    if any(part.sheet for part in participant_parts(exercise)):
        return []
    return instruction_sheets(exercise, FieldNames())
