"""The PDF cache: a PDF is kept under the hash of everything it is made from, and checked before it is used.

Each entry ``<key>.pdf`` has a ``<key>.sha256`` beside it, written after the PDF: the
PDF's SHA-256 on its first line and its number of pages on the second.  An entry
whose bytes no longer match (a disk fault, a half-copied file, a hand edit) is
thrown away and the PDF printed again; it is never copied into a site.
"""

from __future__ import annotations

import hashlib
import io
from importlib import metadata
from pathlib import Path

from hub.atomic import copy_if_changed, is_partial, is_stale_partial, replace_file
from hub.render.outputs import PdfFacts

PRINT_ASSET_FOLDERS = ("templates/print", "docs/assets/fonts")
_RENDERING_PACKAGES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pillow")
_PRINTING_CODE = Path(__file__).resolve().parent


def print_inputs_hash(project: Path) -> str:
    """A hash of all but the HTML that a PDF depends on: print assets, the printing code, library versions."""
    digest = hashlib.sha256()
    for code in sorted(_PRINTING_CODE.glob("*.py")):  # how the PDFs are printed is part of every PDF too
        digest.update(code.name.encode() + b"\0" + code.read_bytes())
    for package in _RENDERING_PACKAGES:
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    for folder in PRINT_ASSET_FOLDERS:
        for file in sorted((project / folder).rglob("*")):
            if file.is_file() and file.suffix != ".j2":
                digest.update(file.relative_to(project).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()


def cache_key(inputs_hash: str, html: str) -> str:
    return hashlib.sha256((inputs_hash + "\n" + html).encode()).hexdigest()


def count_pages(data: bytes) -> int | None:
    """The number of pages of a PDF, or None if it cannot be read as one."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError):
        return None


class PdfCache:
    def __init__(self, folder: Path, inputs_hash: str) -> None:
        self.folder = folder
        self.inputs_hash = inputs_hash

    def key(self, html: str) -> str:
        return cache_key(self.inputs_hash, html)

    def _files(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.pdf", self.folder / f"{key}.sha256"

    def lookup(self, html: str, *, remove_bad: bool = True) -> Path | None:
        """The cached PDF for ``html`` if there is one whose bytes are what was stored; a bad entry is removed
        (unless ``remove_bad`` is false, for readers that must write nothing)."""
        pdf, digest = self._files(self.key(html))
        try:
            expected = digest.read_text(encoding="ascii").split("\n")[0].strip()
            if hashlib.sha256(pdf.read_bytes()).hexdigest() == expected:
                return pdf
        except (OSError, UnicodeDecodeError):
            pass
        if remove_bad:
            pdf.unlink(missing_ok=True)
            digest.unlink(missing_ok=True)
        return None

    def store(self, html: str, data: bytes, pages: int | None = None) -> Path:
        """Keep ``data``, the PDF made from ``html``, with its hash and its number of pages (counted from the
        bytes unless the printer, which laid the pages out, says; reading a PDF to count costs a sixth of
        printing a short one)."""
        pdf, digest = self._files(self.key(html))
        replace_file(pdf, data)
        count = pages if pages is not None else count_pages(data)
        replace_file(digest, f"{hashlib.sha256(data).hexdigest()}\n{count or ''}\n".encode("ascii"))
        return pdf

    def facts(self, html: str) -> PdfFacts | None:
        """Size and pages of the cached PDF for ``html``, if there is a sound entry that knows them."""
        pdf = self.lookup(html, remove_bad=False)
        if pdf is None:
            return None
        lines = self._files(self.key(html))[1].read_text(encoding="ascii").split("\n")
        if len(lines) < 2 or not lines[1].strip().isdigit():
            return None
        return PdfFacts(pdf.stat().st_size, int(lines[1]))

    def copy_to(self, html: str, target: Path) -> bool:
        """Put the cached PDF for ``html`` at ``target``, if there is a sound one."""
        cached = self.lookup(html)
        if cached is None:
            return False
        copy_if_changed(cached, target)
        return True

    def prune(self, used_keys: set[str]) -> None:
        """Keep the cache to what the latest build used, so it cannot grow without bound."""
        if not self.folder.exists():
            return
        for file in self.folder.iterdir():
            if is_partial(file):
                if is_stale_partial(file):  # another process's write under way is left to finish
                    file.unlink(missing_ok=True)
            elif file.suffix in (".pdf", ".sha256", ".part") and file.stem not in used_keys:
                file.unlink(missing_ok=True)
