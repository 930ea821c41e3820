"""What items are made of: the base schema, sources and themes, and the blocks of an item's body."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.content.fields import (
    MAX_ENTRIES,
    Flag,
    ItemId,
    Markdown,
    OptionalMarkdown,
    OptionalText,
    TagLabel,
    Text,
    Title,
    WebAddress,
    WholeNumber,
    entries,
)


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- sources and themes -----------------------------------------------------


class Licence(Schema):
    name: Title
    url: WebAddress | None = None


class Document(Schema):
    title: Title
    publisher: Title
    date: Title
    licence: Licence | None = None
    licence_note: Text | None = None
    url: WebAddress | None = None


class SourceRef(Schema):
    document: ItemId
    section: Title
    pages: Title | None = None


class Theme(Schema):
    label: TagLabel
    description: Text


# --- body blocks ------------------------------------------------------------


class HandOut(Schema):
    """Material the facilitator hands out during an exercise, not at its start (it would give answers away).

    It is printed as a sheet of its own, marked for the facilitator with the step and what comes first
    (``hub_after``, the hub's words: "the group has listed the benefits"), and the step says to hand it out.
    """

    at_step: WholeNumber = Field(ge=1, le=MAX_ENTRIES)
    hub_after: Text


class HubWords(Schema):
    """The hub's own words about a block (rendered marked as the hub's; see hub/provenance.py)."""

    hub_title: Text | None = None  # a heading the hub gave the block, where the source has none
    hub_note: Markdown | None = None  # an explanation from the hub, shown after the block
    hand_out: HandOut | None = None  # in an exercise's training materials: handed out later, on a sheet of its own


class TextBlock(HubWords):
    type: Literal["text"]
    title: Title | None = None
    text: Markdown


class QuoteBlock(HubWords):
    type: Literal["quote"]
    title: Title | None = None
    text: Markdown
    attribution: Title | None = None


class ListItem(Schema):
    text: Markdown
    items: list[Markdown] = entries(default=[])


class ListBlock(HubWords):
    type: Literal["list"]
    title: Title | None = None
    intro: Markdown | None = None
    ordered: Flag = False
    items: list[Markdown | ListItem] = entries(1)


class Definition(Schema):
    term: Title
    text: Markdown


class DefinitionsBlock(HubWords):
    type: Literal["definitions"]
    title: Title | None = None
    intro: Markdown | None = None
    items: list[Definition] = entries(1)


class TableBlock(HubWords):
    type: Literal["table"]
    title: Title | None = None
    caption: Title | None = None
    header: list[OptionalText] = entries(1)  # "" for a corner the source leaves empty
    hub_header: Flag = False  # the column headings are the hub's: the source's table has none
    rows: list[Annotated[list[OptionalMarkdown], Field(max_length=MAX_ENTRIES)]] = entries(1)
    note: Markdown | None = None


class WorksheetBlock(HubWords):
    """A chart or form to fill in: labelled rows and/or blank rows under column headings."""

    type: Literal["worksheet"]
    title: Title
    intro: Markdown | None = None
    columns: list[Title] = entries(1)
    hub_header: Flag = False  # the column headings are the hub's: the source's chart has none
    row_labels: list[Title] = entries(default=[])
    blank_rows: WholeNumber = Field(default=0, ge=0, le=40)
    note: Markdown | None = None


class QuestionsBlock(HubWords):
    type: Literal["questions"]
    title: Title | None = None
    intro: Markdown | None = None
    items: list[Markdown] = entries(1)


Block = Annotated[
    TextBlock | QuoteBlock | ListBlock | DefinitionsBlock | TableBlock | WorksheetBlock | QuestionsBlock,
    Field(discriminator="type"),
]
