"""Every word traceable: each source-worded string in ``content/`` is compared with the source texts.

Text in an item is either the sources' wording (extraction damage mended) or the
hub's own words.  The hub's words live only in fields meant for them (see
:data:`HUB_FIELDS` and any field whose name starts ``hub_``), and the templates
render those inside an element marked ``data-provenance="hub"``.  Everything
else that is text is checked here: reduced to lower-case letters and digits on
both sides, so that mended extraction damage ("ab out", "Culturechange") and
typography (quotes, dashes, Markdown emphasis) still match, it must occur in
the plain-text extraction of the item's source document.

The extractions are not part of the project: they are read from the folder
named by ``--seeds``, else the ``HUB_SEEDS`` environment variable (a path
relative to the project folder, or absolute), else ``../shared/seeds`` beside
the project.  ``make provenance SEEDS=...`` passes ``--seeds``.

    python -m hub.provenance [--seeds FOLDER] [--project FOLDER]

lists every string that is not found, as ``path:line:col: field: message``,
and exits 1 if there is any (2 if the source texts cannot be found).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from markupsafe import escape
from pydantic import BaseModel

from hub.content import Library, _arm_for, _node_at, field_path, load_library
from hub.markup import plain_text
from hub.problems import ContentError, Problem
from hub.schemas import AuthorMarkdown, Item

PROJECT = Path(__file__).resolve().parent.parent
SEEDS_VARIABLE = "HUB_SEEDS"

# Which extraction holds which source document (content/sources.yml ids).
SOURCE_FILES = {
    "pon-good-conversations-2022": "000_4df33acc39d3e63a.txt",
    "pon-ncs-consultation-2021": "001_4299bd613055e839.txt",
    "pon-values-and-principles-2016": "002_f71a3a7b245cc629.txt",
    "scw-one-stop-shop": "003_ec3e1ee46c4e01b8.txt",
    "iriss-leading-for-outcomes": "004_d1e63112b2a8a646.txt",
}

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
        arm = _arm_for(args, data)
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


# --- [sic] -------------------------------------------------------------------------

SIC_MARK = (
    '<span class="hub-sic" data-provenance="hub" title="Note from the hub: as written in the source">'
    '<span class="hub-visually-hidden">Note from the hub: </span>[sic]</span>'
)
_TAG = re.compile(r"(<[^>]*>)")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.DOTALL)
_NO_MARKS_IN = re.compile(r"<(title|script|style|textarea|option)\b", re.IGNORECASE)


def mark_slips(html: str, item: object) -> str:
    """``html`` (a page or print HTML of ``item``) with [sic], marked as the hub's, after each of the item's ``sic``.

    Only text is touched: never a tag or attribute, a page's front matter, or
    text that cannot hold markup (a title, a script, a form field).
    """
    phrases = [phrase for phrase in getattr(item, "sic", []) if phrase]
    if not phrases:
        return html
    head = _FRONT_MATTER.match(html)
    start = head.end() if head else 0
    parts = _TAG.split(html[start:])
    closing: str | None = None
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if closing and part.lower().startswith(closing):
                closing = None
            elif not closing and (opened := _NO_MARKS_IN.match(part)):
                closing = f"</{opened[1].lower()}"
            continue
        if closing:
            continue
        for phrase in phrases:
            for written in dict.fromkeys((phrase, str(escape(phrase)), phrase.replace("'", "&#39;"))):
                part = part.replace(written, written + SIC_MARK)
        parts[index] = part
    return html[:start] + "".join(parts)


# --- the check --------------------------------------------------------------------


def default_seeds(project: Path) -> Path:
    """``$HUB_SEEDS`` (relative to the project folder), else ``../shared/seeds`` beside the project."""
    named = os.environ.get(SEEDS_VARIABLE)
    return project / named if named else project.parent / "shared" / "seeds"


# What the extraction adds that is not the documents' words, and the hub leaves out: a printed
# page's running head, even mid-sentence ("reflecting on leadership / continued"), footnote
# markers ("^{iv}", "^v") and the underlining of links ("<u>here</u>", "$\\underline{\\text{this video}}$").
_NOT_WORDS = re.compile(
    r"^[^\n]*/ continued[ \t]*$|\^\{[^}\n]*\}|\^[a-z0-9]+\b|</?u>|\$\\underline\{\\text\{|\}\}\$", re.MULTILINE
)


HEADING_LINES = 3  # a heading may run over this many lines of an extraction
CELL_PART = 10  # the least of a table cell that the extraction put on a row of its own
ROW_GAP = 400  # the most of a table row that can come between the two parts of a broken cell


@dataclass(frozen=True)
class Source:
    """One source document's extraction: its words, and the lines its headings can be."""

    words: str  # the whole text, normalised
    headings: frozenset[str]  # every run of one to HEADING_LINES lines, normalised

    @classmethod
    def of(cls, text: str) -> Source:
        text = _NOT_WORDS.sub("", text)
        lines = [words for line in text.splitlines() if (words := normalise(line))]
        runs = {
            "".join(lines[start : start + size]) for size in range(1, HEADING_LINES + 1) for start in range(len(lines))
        }
        return cls(normalise(text), frozenset(runs))

    def has(self, words: str) -> bool:
        return words in self.words

    def has_cell(self, words: str) -> bool:
        """Whether ``words`` is a table cell of the source, maybe one the extraction broke over two rows.

        A cell too long for its row goes on in the same column of the next one,
        so its two parts come apart, with the rest of the row between them.
        """
        if self.has(words):
            return True
        for split in range(CELL_PART, len(words) - CELL_PART + 1):
            first = self.words.find(words[:split])
            while first >= 0:
                after = first + split
                if self.words.find(words[split:], after, after + ROW_GAP + len(words) - split) >= 0:
                    return True
                first = self.words.find(words[:split], first + 1)
        return False

    def has_heading(self, words: str) -> bool:
        """Whether ``words`` is a line of its own in the source (or runs over a few), as a heading is."""
        return words in self.headings


def read_sources(seeds: Path) -> dict[str, Source]:
    """Each source document's extraction; raises FileNotFoundError naming what is missing."""
    missing = [name for name in SOURCE_FILES.values() if not (seeds / name).is_file()]
    if missing:
        raise FileNotFoundError(f"source texts not found in {seeds}: {', '.join(missing)}")
    return {doc: Source.of((seeds / name).read_text(encoding="utf-8")) for doc, name in SOURCE_FILES.items()}


@dataclass(frozen=True)
class Report:
    checked: int  # source-worded strings compared
    hub: int  # strings in the hub's own fields
    problems: list[Problem]


def _is_heading(text: Text) -> bool:
    """A block's or a group's heading: it must be a heading of the source, not a phrase from its text."""
    return text.field == "title" and text.whose == "source"


def check(library: Library, sources: dict[str, Source]) -> Report:
    """Every source-worded string of every item, looked for in its source document.

    Headings of blocks and groups must be headings of the source (lines of
    their own), and each of an item's ``sic`` must be among its words as written.
    """
    problems: list[Problem] = []
    checked = hub = 0
    for entry in sorted(library.entries.values(), key=lambda e: e.path):
        source = sources[entry.item.source.document]
        data = entry.item.model_dump(exclude_unset=True, mode="python")
        texts = list(text_values(entry.kind.schema, data))

        def problem(loc: tuple, message: str, entry=entry) -> None:
            node, walked = _node_at(entry.root, loc)
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
            problems.append(Problem(entry.path, line, column, field_path(walked), message))

        for text in texts:
            if text.label:
                continue
            if text.hub:
                hub += 1
                continue
            words = normalise(as_plain(text.text, text.markdown))
            if not words:
                continue
            checked += 1
            if _is_heading(text):
                if not source.has_heading(words):
                    where = "in the text of the sources" if source.has(words) else "in the sources"
                    problem(text.loc, f"not found as a heading {where}; a heading the hub gave it is a hub_title")
                continue
            if source.has_cell(words) if text.field == "rows" else source.has(words):
                continue
            elsewhere = [name for name, other in sources.items() if other is not source and other.has(words)]
            message = "not found in the sources"
            if elsewhere:
                message = f"not found in its source document (found in {', '.join(elsewhere)})"
            problem(text.loc, message)
        written = [text.text for text in texts if text.whose == "source" and text.field != "sic"]
        for index, slip in enumerate(getattr(entry.item, "sic", [])):
            if not any(slip in text for text in written):
                problem(("sic", index), "not found in the item's words as written; a sic names words of the item")
    return Report(checked, hub, sorted(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hub.provenance",
        description="List every source-worded string in content/ that is not in the source texts.",
    )
    parser.add_argument("--project", type=Path, default=PROJECT, help="the project folder (default: this one)")
    parser.add_argument(
        "--seeds",
        type=Path,
        default=None,
        help=f"folder of the source texts (default: ${SEEDS_VARIABLE}, else ../shared/seeds beside the project)",
    )
    args = parser.parse_args(argv)
    seeds = args.seeds or default_seeds(args.project.resolve())
    try:
        sources = read_sources(seeds)
    except FileNotFoundError as error:
        print(f"provenance: {error}; give the folder with --seeds or ${SEEDS_VARIABLE}", file=sys.stderr)
        return 2
    try:
        library = load_library(args.project)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} content problem(s); fix them before checking provenance.", file=sys.stderr)
        return 1
    report = check(library, sources)
    for problem in report.problems:
        print(problem)
    missing = len(report.problems)
    print(
        f"{report.checked} source-worded strings checked against {seeds}: "
        f"{missing} not found. {report.hub} strings are marked as the hub's own words.",
        file=sys.stderr,
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
