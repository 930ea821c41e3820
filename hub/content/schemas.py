"""One schema per content kind, plus the blocks their bodies are made of.

The loader hands every scalar over as the text the author wrote, so ``no``,
``12:30`` and ``012`` stay text in text fields.  Numbers and flags are parsed
here, strictly: only ``20``-style whole numbers and ``true``/``false``.  Fields described as
Markdown accept inline emphasis, lists and links (to web pages, or to other items by id) but no
raw HTML and no images.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from hub.content.fields import (
    ClockTime,
    Flag,
    ItemId,
    Markdown,
    OptionalMarkdown,
    OptionalText,
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


class HubWords(Schema):
    """The hub's own words about a block (rendered marked as the hub's; see hub/provenance.py)."""

    hub_title: Text | None = None  # a heading the hub gave the block, where the source has none
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the block


class TextBlock(HubWords):
    type: Literal["text"]
    title: Text | None = None
    text: Markdown


class QuoteBlock(HubWords):
    type: Literal["quote"]
    title: Text | None = None
    text: Markdown
    attribution: Text | None = None


class ListItem(Schema):
    text: Markdown
    items: list[Markdown] = []


class ListBlock(HubWords):
    type: Literal["list"]
    title: Text | None = None
    intro: Markdown | None = None
    ordered: Flag = False
    items: list[Markdown | ListItem] = Field(min_length=1)


class Definition(Schema):
    term: Text
    text: Markdown


class DefinitionsBlock(HubWords):
    type: Literal["definitions"]
    title: Text | None = None
    intro: Markdown | None = None
    items: list[Definition] = Field(min_length=1)


class TableBlock(HubWords):
    type: Literal["table"]
    title: Text | None = None
    caption: Text | None = None
    header: list[OptionalText] = Field(min_length=1)  # "" for a corner the source leaves empty
    hub_header: Flag = False  # the column headings are the hub's: the source's table has none
    rows: list[list[OptionalMarkdown]] = Field(min_length=1)
    note: Markdown | None = None


class WorksheetBlock(HubWords):
    """A chart or form to fill in: labelled rows and/or blank rows under column headings."""

    type: Literal["worksheet"]
    title: Text
    intro: Markdown | None = None
    columns: list[Text] = Field(min_length=1)
    hub_header: Flag = False  # the column headings are the hub's: the source's chart has none
    row_labels: list[Text] = []
    blank_rows: WholeNumber = Field(default=0, ge=0, le=40)
    note: Markdown | None = None


class QuestionsBlock(HubWords):
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
    """Fields every kind of content item has.

    An item's summary is either the source's words (``summary``) or, where the
    source has no such sentence, the hub's (``hub_summary``): one of the two.
    """

    title: Text
    hub_summary: Markdown | None = None
    summary: Markdown | None = Field(default=None, validate_default=True)
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the summary
    sic: list[Text] = []  # slips in the source's words, kept as written; each is marked [sic] where shown
    themes: list[ItemId] = Field(min_length=1)
    source: SourceRef
    see_also: list[ItemId] = []

    @field_validator("summary")
    @classmethod
    def _one_summary(cls, summary: str | None, info: ValidationInfo) -> str | None:
        hub_summary = info.data.get("hub_summary")
        if summary is None and hub_summary is None:
            raise PydanticCustomError("missing", "required field is missing")
        if summary is not None and hub_summary is not None:
            raise ValueError("give either summary (the source's words) or hub_summary (the hub's), not both")
        return summary

    @property
    def summary_text(self) -> str:
        """The summary, whoever wrote it (for metadata and search)."""
        return self.summary or self.hub_summary or ""

    @property
    def hub_wrote_summary(self) -> bool:
        """Whether the summary is the hub's words, to be shown marked as such."""
        return self.summary is None


class Time(Schema):
    minutes: WholeNumber = Field(gt=0, le=600)
    at_least: Flag = False
    text: Text


class Step(Schema):
    text: Markdown
    steps: list[Markdown] = []
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the step


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
    comparisons: list[ItemId] = []  # comparisons whose tables are training materials of this exercise, held there once


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
    hub_note: Markdown | None = None  # an explanation from the hub, shown with the need's exercises


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

    @property
    def hub_wrote_summary(self) -> bool:
        return True  # a pack is the hub's: its summary too
