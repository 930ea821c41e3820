"""What rendering makes: outputs (a page, a PDF's HTML, a data script) and the downloads pages link to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hub.content.kinds import KINDS

PDF_FOLDER = "pdf"
GENERATED_FOLDERS = (*(kind.folder for kind in KINDS.values()), PDF_FOLDER, "sources", "themes", "downloads")
"""The folders of ``docs/`` that the build writes and owns; everything else in ``docs/`` is hand-made."""


@dataclass(frozen=True)
class Output:
    """One file to make under ``docs/``: rendered from ``template`` with ``context``, or given as ``text``.

    ``page`` is the site page a PDF comes from (relative to the site root), for its QR code and links.
    """

    path: str
    label: str
    template: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    page: str = ""
    text: str | None = None

    @property
    def is_pdf(self) -> bool:
        return self.path.endswith(".pdf")


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
