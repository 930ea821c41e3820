"""Every word traceable: each source-worded string in ``content/`` is compared with the source texts.

Text in an item is either the sources' wording (extraction damage mended) or the hub's own words (see
:mod:`hub.content.whose`).  Everything that is the sources' is checked here: reduced to lower-case letters and
digits on both sides, so that mended extraction damage ("ab out", "Culturechange") and typography (quotes,
dashes, Markdown emphasis) still match, it must occur in the plain-text extraction of its source document.

The extractions are not part of the project; ``build.py provenance --seeds FOLDER`` (or ``make provenance
SEEDS=...``) names their folder, else the ``HUB_SEEDS`` environment variable, else ``../shared/seeds``
beside the project.  Every string not found is listed as ``path:line:col: field: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hub.content.library import Library
from hub.content.locate import field_path, node_at
from hub.content.whose import Text, as_plain, normalise, text_values
from hub.problems import Problem

SEEDS_VARIABLE = "HUB_SEEDS"

# Which extraction holds which source document (content/sources.yml ids).
SOURCE_FILES = {
    "pon-good-conversations-2022": "000_4df33acc39d3e63a.txt",
    "pon-ncs-consultation-2021": "001_4299bd613055e839.txt",
    "pon-values-and-principles-2016": "002_f71a3a7b245cc629.txt",
    "scw-one-stop-shop": "003_ec3e1ee46c4e01b8.txt",
    "iriss-leading-for-outcomes": "004_d1e63112b2a8a646.txt",
}


def default_seeds(project: Path, named: str | None) -> Path:
    """``named`` (the HUB_SEEDS setting, relative to the project folder), else ``../shared/seeds`` beside it."""
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
            node, walked = node_at(entry.root, loc)
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
