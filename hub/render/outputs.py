"""What rendering makes: outputs (a page, a PDF's HTML, a data script) and the downloads pages link to."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub.content.kinds import KINDS

PDF_FOLDER = "pdf"
GENERATED_FOLDERS = (*(kind.folder for kind in KINDS.values()), PDF_FOLDER, "sources", "themes", "downloads")
"""The folders of ``docs/`` that the build writes and owns; everything else in ``docs/`` is hand-made."""


# Every part of an output's path: lower-case words, digits, dots and hyphens, as ids, folders and
# suffixes are made; so no part is empty, '.', '..', hidden, or has a separator or a control character in it.
_PATH_PART = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")


class OutputPathError(ValueError):
    """An output whose path could land outside its folder: a bug in a format, or a name that escaped a check."""


def check_output_path(path: str) -> str:
    """``path`` if it is a relative path that stays inside the folder it is written to; OutputPathError if not."""
    parts = path.split("/")
    if not all(_PATH_PART.fullmatch(part) for part in parts):
        raise OutputPathError(f"{path!r} is not a path inside the generated folders")
    return path


def inside(root: Path, relative: str) -> Path:
    """Where ``relative`` is under ``root``, once resolved (links followed), refusing anywhere outside it.

    What writes a generated file calls this first: a name that got past every check, or a folder
    under ``root`` that is a link to elsewhere, then stops the build rather than writing there.
    """
    check_output_path(relative)
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise OutputPathError(f"{relative!r} resolves to {target}, outside {base}")
    return target


@dataclass(frozen=True)
class Output:
    """One file to make under ``docs/``: rendered from ``template`` with ``context``, or given as ``text``.

    ``page`` is the site page a PDF comes from (relative to the site root), for its QR code and links;
    ``source`` is the content file it is made from alone, if it is one item's (for messages).
    A path is checked when the output is made: an empty path is an output made to order, printed
    where the command line says.
    """

    path: str
    label: str
    template: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    page: str = ""
    text: str | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.path:
            check_output_path(self.path)

    @property
    def is_pdf(self) -> bool:
        return self.path.endswith(".pdf")

    @property
    def is_print(self) -> bool:
        """Whether it is printed: a PDF of the build, or one made to order (which has no path in the site)."""
        return self.is_pdf or (self.template or "").startswith("print/")


@dataclass(frozen=True)
class Download:
    """A link a page shows to a PDF: ``label`` names it (``Facilitator handout``), ``group`` says what kind of
    PDF it is on the downloads page, and ``title`` names what it holds where that is not its item's title."""

    label: str
    pdf_path: str
    group: str = "Handouts"
    title: str = ""


@dataclass(frozen=True)
class PdfFacts:
    """What the downloads page says of a printed PDF."""

    size: int  # bytes
    pages: int

    @property
    def size_text(self) -> str:
        if self.size < 1_000_000:
            return f"{max(1, round(self.size / 1000))} KB"
        return f"{self.size / 1_000_000:.1f} MB"

    @property
    def pages_text(self) -> str:
        return f"{self.pages} page{'s' if self.pages != 1 else ''}"


@dataclass(frozen=True)
class PrintJob:
    """One PDF to make: where it goes, its HTML, and a name for messages."""

    pdf_path: str
    html: str
    label: str


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    print_jobs: list[PrintJob]
