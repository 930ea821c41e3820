"""One schema per content kind; the parts they are made of (sources, themes, body blocks) are in parts.py.

The loader hands every scalar over as the text the author wrote, so ``no``,
``12:30`` and ``012`` stay text in text fields.  Numbers and flags are parsed
here, strictly: only ``20``-style whole numbers and ``true``/``false``.  Fields described as
Markdown accept inline emphasis, lists and links (to web pages, or to other items by id) but no
raw HTML and no images.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from hub.content.fields import (
    ClockTime,
    Flag,
    ItemId,
    Markdown,
    Summary,
    Text,
    Title,
    WholeNumber,
    entries,
)
from hub.content.parts import (  # noqa: F401  (the parts are schemas too)
    Block,
    Definition,
    DefinitionsBlock,
    Document,
    HandOut,
    HubWords,
    Licence,
    ListBlock,
    ListItem,
    QuestionsBlock,
    QuoteBlock,
    Schema,
    SourceRef,
    TableBlock,
    TextBlock,
    Theme,
    WorksheetBlock,
)
from hub.words import exercise_length, length_said

# --- content kinds ----------------------------------------------------------


class HubRef(Schema):
    """A reference of the source's to the printed guide (``on page 33``, ``Appendix I``) that the hub replaces with
    one to its own items, in the hub's words, marked as the hub's (hub/render/references.py): in print "page N
    of this pack" where the item is in the same PDF, else its title; on the web, a link."""

    words: Text  # the source's words, as the item writes them, that the hub's words replace
    to: list[ItemId] = entries(1, 4)
    part: Literal["training materials"] | None = None  # a part of the item referred to
    form: Literal["place", "name"] = "place"  # "on page 7 of this pack" / "in ‘X’", or "page 7 of this pack" / "‘X’"
    say: Title | None = None  # the hub's words in place of ``words``, with ``{}`` where the items are named
    block: Title | None = None  # the title of the training materials' block meant ("Table 3: …"), for its page

    @property
    def block_anchor(self) -> str:
        """The id the block gets in what is printed: ``Table 3: Benefits…`` → ``table-3-benefits…``."""
        return re.sub(r"[^a-z0-9]+", "-", (self.block or "").lower()).strip("-")


class Item(Schema):
    """Fields every kind of content item has.

    An item's summary is either the source's words (``summary``) or, where the
    source has no such sentence, the hub's (``hub_summary``): one of the two.
    """

    title: Title
    hub_summary: Summary | None = None
    hub_refs: list[HubRef] = entries(default=[])
    summary: Summary | None = Field(default=None, validate_default=True)
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the summary
    sic: list[Text] = entries(default=[])  # slips in the source's words, kept as written; each marked [sic] where shown
    themes: list[ItemId] = entries(1, 20)
    source: SourceRef
    see_also: list[ItemId] = entries(default=[])

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
    text: Text  # the source's words for the time

    @property
    def length(self) -> str:
        """``At least 45 minutes``: the time as an exercise's facts give it."""
        return exercise_length(self.minutes, self.at_least)

    @property
    def text_adds(self) -> bool:
        """Whether the source's words say more than :attr:`length` (``Spend at least 45 minutes`` does not)."""
        return length_said(self.text) != (self.minutes, self.at_least)


class Step(Schema):
    text: Markdown
    steps: list[Markdown] = entries(default=[])
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the step


class HandedOutComparison(Schema):
    """A comparison's table that an exercise hands out during the exercise (see :class:`HandOut`)."""

    comparison: ItemId
    hand_out: HandOut


@dataclass(frozen=True)
class Sheet:
    """Training materials given out together: at the start (``hand_out`` None) or at a step of the instructions."""

    hand_out: HandOut | None
    blocks: tuple[Block, ...] = ()
    comparisons: tuple[str, ...] = ()  # ids of comparisons, whose tables are printed


class Exercise(Item):
    number: WholeNumber = Field(ge=1, le=9999)
    part: WholeNumber = Field(ge=1, le=2)
    section: Title | None = None
    audience: list[Title] = entries(default=["Team leaders and their teams"])
    learning_outcomes: list[Markdown] = entries(1)
    time: Time
    materials: list[Markdown] = entries(default=[])
    instructions: list[Markdown | Step] = entries(1)
    training_materials: list[Block] = entries(default=[])
    facilitator_notes: list[Markdown] = entries(default=[])
    scenarios: list[ItemId] = entries(default=[])
    worksheets: list[ItemId] = entries(default=[])
    # comparisons whose tables are this exercise's materials, held once; handed out later where marked so
    comparisons: list[ItemId | HandedOutComparison] = entries(default=[])

    @property
    def comparison_ids(self) -> list[str]:
        return [c if isinstance(c, str) else c.comparison for c in self.comparisons]

    @property
    def sheets(self) -> list[Sheet]:
        """The training materials as they are given out: those for the start, then one sheet for each moment
        a step hands more out, in the order of the steps (each in the order it is written)."""
        materials = [(b.hand_out, b, None) for b in self.training_materials]
        materials += [
            (None, None, c) if isinstance(c, str) else (c.hand_out, None, c.comparison) for c in self.comparisons
        ]
        moments = sorted({hand_out for hand_out, _, _ in materials if hand_out}, key=lambda h: h.at_step)
        sheets = []
        for moment in [None, *moments]:
            blocks = tuple(b for hand_out, b, _ in materials if hand_out == moment and b is not None)
            comparisons = tuple(c for hand_out, _, c in materials if hand_out == moment and c is not None)
            if blocks or comparisons:
                sheets.append(Sheet(moment, blocks, comparisons))
        return sheets

    def handed_out_at(self, step: int) -> list[Sheet]:
        """The sheets the facilitator hands out at a step (numbered from 1)."""
        return [sheet for sheet in self.sheets if sheet.hand_out and sheet.hand_out.at_step == step]


class Scenario(Item):
    label: Title
    text: Markdown


class CaseStudy(Item):
    intro: Markdown | None = None
    body: list[Block] = entries(1)


class Guidance(Item):
    body: list[Block] = entries(1)


class Principle(Schema):
    name: Title | None = None
    text: Markdown
    group: Title | None = None


class PrincipleSet(Item):
    intro: Markdown | None = None
    principles: list[Principle] = entries(1)
    body: list[Block] = entries(default=[])


class Comparison(Item):
    intro: Markdown | None = None
    table: TableBlock
    compare_with: list[ItemId] = entries(default=[])


class QuestionGroup(Schema):
    title: Title | None = None
    intro: Markdown | None = None
    questions: list[Markdown] = entries(1)


class QuestionSet(Item):
    intro: Markdown | None = None
    groups: list[QuestionGroup] = entries(1)


class Worksheet(Item):
    intro: Markdown | None = None
    body: list[Block] = entries(1)


class QuizStatement(Schema):
    statement: Text
    answer: Text
    reason: Text


class Quiz(Item):
    intro: Markdown | None = None
    question: Title
    options: list[Title] = entries(2)
    answers_note: Markdown
    statements: list[QuizStatement] = entries(1)


class AuditNeed(Schema):
    need: Title
    priority_sections: Title
    exercises: list[ItemId] = entries(default=[])
    hub_note: Markdown | None = None  # an explanation from the hub, shown with the need's exercises


class Audit(Item):
    intro: Markdown | None = None
    scale: list[Title] = entries(2)
    needs: list[AuditNeed] = entries(1)


class StarPoint(Schema):
    key: ItemId
    name: Title
    statement: Markdown


class CultureStar(Item):
    intro: Markdown | None = None
    scale_max: WholeNumber = Field(ge=2, le=20)
    points: list[StarPoint] = entries(3)
    body: list[Block] = entries(default=[])


PackLength = Annotated[WholeNumber, Field(gt=0, le=480)]


class PackBreak(Schema):
    after: ItemId
    minutes: WholeNumber = Field(gt=0, le=180)
    label: Title = "Break"


class Pack(Item):
    """A workshop: exercises in the order they are run, with breaks, from a start time."""

    summary: Summary = "A ready-to-run workshop: agenda, checklist, facilitator notes and participant materials."
    themes: list[ItemId] = entries(0, 20, default=[])
    audience: Title
    start: ClockTime
    exercises: list[ItemId] = entries(1)
    breaks: list[PackBreak] = entries(default=[])
    # The minutes the pack gives an exercise the guide gives "at least" a time, so that the clock
    # times after it are fixed ones a team leader can book lunch by (see hub.content.packs).
    lengths: dict[ItemId, PackLength] = Field(default_factory=dict, max_length=200)

    @property
    def hub_wrote_summary(self) -> bool:
        return True  # a pack is the hub's: its summary too
