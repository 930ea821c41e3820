"""One schema per content kind, plus the blocks their bodies are made of.

The loader hands every scalar over as the text the author wrote, so ``no``,
``12:30`` and ``012`` stay text in text fields.  Numbers and flags are parsed
here, strictly: only ``20``-style whole numbers and ``true``/``false``.  Fields described as
Markdown accept inline emphasis, lists and links (to web pages, or to other items by id) but no
raw HTML and no images.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.content.fields import (
    ClockTime,
    Flag,
    ItemId,
    Markdown,
    OptionalMarkdown,
    Text,
    WholeNumber,
)


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- sources and themes -----------------------------------------------------


class Licence(Schema):
    name: Text
    url: Text | None = None


class Document(Schema):
    title: Text
    publisher: Text
    date: Text
    licence: Licence | None = None
    licence_note: Text | None = None
    url: Text | None = None


class SourceRef(Schema):
    document: ItemId
    section: Text
    pages: Text | None = None


class Theme(Schema):
    label: Text
    description: Text


# --- body blocks ------------------------------------------------------------


class TextBlock(Schema):
    type: Literal["text"]
    title: Text | None = None
    text: Markdown


class QuoteBlock(Schema):
    type: Literal["quote"]
    title: Text | None = None
    text: Markdown
    attribution: Text | None = None


class ListItem(Schema):
    text: Markdown
    items: list[Markdown] = []


class ListBlock(Schema):
    type: Literal["list"]
    title: Text | None = None
    intro: Markdown | None = None
    ordered: Flag = False
    items: list[Markdown | ListItem] = Field(min_length=1)


class Definition(Schema):
    term: Text
    text: Markdown


class DefinitionsBlock(Schema):
    type: Literal["definitions"]
    title: Text | None = None
    intro: Markdown | None = None
    items: list[Definition] = Field(min_length=1)


class TableBlock(Schema):
    type: Literal["table"]
    title: Text | None = None
    caption: Text | None = None
    header: list[Text] = Field(min_length=1)
    rows: list[list[OptionalMarkdown]] = Field(min_length=1)
    note: Markdown | None = None


class WorksheetBlock(Schema):
    """A chart or form to fill in: labelled rows and/or blank rows under column headings."""

    type: Literal["worksheet"]
    title: Text
    intro: Markdown | None = None
    columns: list[Text] = Field(min_length=1)
    row_labels: list[Text] = []
    blank_rows: WholeNumber = Field(default=0, ge=0, le=40)
    note: Markdown | None = None


class QuestionsBlock(Schema):
    type: Literal["questions"]
    title: Text | None = None
    intro: Markdown | None = None
    items: list[Markdown] = Field(min_length=1)


Block = Annotated[
    TextBlock | QuoteBlock | ListBlock | DefinitionsBlock | TableBlock | WorksheetBlock | QuestionsBlock,
    Field(discriminator="type"),
]


# --- content kinds ----------------------------------------------------------


class Item(Schema):
    """Fields every kind of content item has."""

    title: Text
    summary: Markdown
    themes: list[ItemId] = Field(min_length=1)
    source: SourceRef
    see_also: list[ItemId] = []


class Time(Schema):
    minutes: WholeNumber = Field(gt=0, le=600)
    at_least: Flag = False
    text: Text


class Step(Schema):
    text: Markdown
    steps: list[Markdown] = []


class Exercise(Item):
    number: WholeNumber = Field(ge=1)
    part: WholeNumber = Field(ge=1, le=2)
    section: Text | None = None
    audience: list[Text] = ["Team leaders and their teams"]
    learning_outcomes: list[Markdown] = Field(min_length=1)
    time: Time
    materials: list[Markdown] = []
    instructions: list[Markdown | Step] = Field(min_length=1)
    training_materials: list[Block] = []
    facilitator_notes: list[Markdown] = []
    scenarios: list[ItemId] = []
    worksheets: list[ItemId] = []


class Scenario(Item):
    label: Text
    text: Markdown


class CaseStudy(Item):
    intro: Markdown | None = None
    body: list[Block] = Field(min_length=1)


class Guidance(Item):
    body: list[Block] = Field(min_length=1)


class Principle(Schema):
    name: Text | None = None
    text: Markdown
    group: Text | None = None


class PrincipleSet(Item):
    intro: Markdown | None = None
    principles: list[Principle] = Field(min_length=1)
    body: list[Block] = []


class Comparison(Item):
    intro: Markdown | None = None
    table: TableBlock
    compare_with: list[ItemId] = []


class QuestionGroup(Schema):
    title: Text | None = None
    intro: Markdown | None = None
    questions: list[Markdown] = Field(min_length=1)


class QuestionSet(Item):
    intro: Markdown | None = None
    groups: list[QuestionGroup] = Field(min_length=1)


class Worksheet(Item):
    intro: Markdown | None = None
    body: list[Block] = Field(min_length=1)


class QuizStatement(Schema):
    statement: Text
    answer: Text
    reason: Text


class Quiz(Item):
    intro: Markdown | None = None
    question: Text
    options: list[Text] = Field(min_length=2)
    answers_note: Markdown
    statements: list[QuizStatement] = Field(min_length=1)


class AuditNeed(Schema):
    need: Text
    priority_sections: Text
    exercises: list[ItemId] = []


class Audit(Item):
    intro: Markdown | None = None
    scale: list[Text] = Field(min_length=2)
    needs: list[AuditNeed] = Field(min_length=1)


class StarPoint(Schema):
    key: ItemId
    name: Text
    statement: Markdown


class CultureStar(Item):
    intro: Markdown | None = None
    scale_max: WholeNumber = Field(ge=2, le=20)
    points: list[StarPoint] = Field(min_length=3)
    body: list[Block] = []


class PackBreak(Schema):
    after: ItemId
    minutes: WholeNumber = Field(gt=0, le=180)
    label: Text = "Break"


class Pack(Item):
    """A workshop: exercises in the order they are run, with breaks, from a start time."""

    summary: Markdown = "A ready-to-run workshop: agenda, checklist, facilitator notes and participant materials."
    themes: list[ItemId] = []
    audience: Text
    start: ClockTime
    exercises: list[ItemId] = Field(min_length=1)
    breaks: list[PackBreak] = []
