"""Whose words each piece of content text is: the sources' (checked against them), the hub's own (shown marked
as the hub's), or a label (an item's name in the hub, a source reference, a control's label).

The hub's words live only in fields meant for them: :data:`HUB_FIELDS` and any field whose name starts
``hub_``, and the headings of a table or worksheet marked ``hub_header: true``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from hub.content.fields import AuthorMarkdown
from hub.content.rules import arm_for
from hub.content.schemas import Item
from hub.content.text import plain_text

# Fields that hold the hub's own words, besides every field whose name starts "hub_" and
# the headings of a table or worksheet marked ``hub_header: true``.  Each is rendered
# inside an element marked data-provenance="hub".
HUB_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Quiz", "answers_note"),
        ("QuizStatement", "answer"),
        ("QuizStatement", "reason"),
        ("Pack", "summary"),
        ("Pack", "audience"),
        ("PackBreak", "label"),
    }
)

# Fields that are neither the sources' words nor the hub's prose: the source reference,
# and the labels of controls.  Not compared, not marked.  An item's ``title`` is its
# name in the hub (in navigation, search and lists) and is not compared either; the
# section of the source it comes from is in ``source.section``.  Ids are never compared.
LABEL_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("SourceRef", "section"),
        ("SourceRef", "pages"),
        ("Quiz", "options"),
        # A reference of the hub's (hub/render/references.py): the source's words it replaces, checked to be among
        # the item's own, and the hub's words around the items it names, shown marked as the hub's in their place.
        ("HubRef", "words"),
        ("HubRef", "say"),
        ("HubRef", "block"),
    }
)


def is_hub_field(model: str, name: str) -> bool:
    return name.startswith("hub_") or (model, name) in HUB_FIELDS


def is_label_field(model: type, name: str) -> bool:
    return (model.__name__, name) in LABEL_FIELDS or (issubclass(model, Item) and name == "title")


# --- normalising ---------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower-case ASCII letters and digits only: ``"Culture-change¹"`` → ``"culturechange"``.

    Superscript footnote markers (¹, ⁱ) are dropped, as the hub drops them; accents
    are taken off their letters, and everything else that is not a letter or a
    digit goes.
    """
    kept = []
    unmarked = "".join(c for c in text if not _is_footnote_mark(c))
    for char in unicodedata.normalize("NFKD", unmarked):
        if char.isascii() and char.isalnum():
            kept.append(char.lower())
    return "".join(kept)


def _is_footnote_mark(char: str) -> bool:
    """Superscript digits and letters (¹, ⁱ): footnote markers, which the hub drops."""
    return unicodedata.category(char) == "No" or unicodedata.decomposition(char).startswith("<super>")


def as_plain(text: str, markdown: bool) -> str:
    """The words a reader sees: Markdown emphasis and link targets taken out."""
    return plain_text(text) if markdown else text


# --- walking the content --------------------------------------------------------


Whose = str  # "source", "hub" or "label"
HEADINGS = ("header", "columns")  # the fields that ``hub_header: true`` gives to the hub


@dataclass(frozen=True)
class Text:
    """One piece of text in an item: where it is, which field of which schema holds it, and whose words they are."""

    loc: tuple[str | int, ...]
    model: str
    field: str
    text: str
    markdown: bool
    whose: Whose

    @property
    def hub(self) -> bool:
        return self.whose == "hub"

    @property
    def label(self) -> bool:
        return self.whose == "label"


def _whose(model: type[BaseModel], name: str, data: dict) -> Whose:
    if is_label_field(model, name):
        return "label"
    if is_hub_field(model.__name__, name):
        return "hub"
    if name in HEADINGS and data.get("hub_header") in (True, "true"):
        return "hub"
    return "source"


def text_values(
    schema: object,
    data: object,
    loc: tuple = (),
    owner: tuple[str, str, Whose] = ("", "", "source"),
    markdown: bool = False,
) -> Iterator[Text]:
    """Every string in ``data`` (valid content of ``schema``), with its path, its field and whose words it is."""
    origin, args = get_origin(schema), get_args(schema)
    if origin is Annotated:
        if any(getattr(mark, "pattern", None) for mark in args[1:]):
            return  # an id, such as a theme or an item named in see_also
        is_markdown = markdown or any(isinstance(mark, AuthorMarkdown) for mark in args[1:])
        yield from text_values(args[0], data, loc, owner, is_markdown)
    elif origin in (Union, UnionType):
        arm = arm_for(args, data)
        if arm is not None:
            yield from text_values(arm, data, loc, owner, markdown)
    elif origin is list and isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_values(args[0], value, (*loc, index), owner, markdown)
    elif isinstance(schema, type) and issubclass(schema, BaseModel) and isinstance(data, dict):
        for name, info in schema.model_fields.items():
            if name in data and data[name] is not None:
                annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
                whose = _whose(schema, name, data)
                yield from text_values(annotation, data[name], (*loc, name), (schema.__name__, name, whose))
    elif isinstance(data, str) and schema is str:
        yield Text(loc, owner[0], owner[1], data, markdown, owner[2])
