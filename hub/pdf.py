"""Print HTML to tagged PDF with WeasyPrint, safely and reproducibly.

Only the project's print assets (``templates/print/`` and ``docs/assets/fonts/``)
and ``data:`` URIs may be fetched; anything else stops the render.  Any
WeasyPrint warning fails the PDF.  PDFs are cached by the hash of everything
they are made from, so an unchanged PDF is never laid out again.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

PRINT_ASSET_FOLDERS = ("templates/print", "docs/assets/fonts")
STYLESHEET = "templates/print/print.css"
MAX_ASSET_BYTES = 5_000_000


class PdfError(Exception):
    """A PDF could not be made; the message says which and why."""


@dataclass(frozen=True)
class PdfResult:
    path: str
    from_cache: bool


def _weasyprint():
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    return weasyprint, FatalURLFetchingError, URLFetcher, URLFetcherResponse


class Printer:
    """One per process: holds the fonts and the stylesheet, and prints PDFs."""

    def __init__(self, project: Path, cache_dir: Path) -> None:
        weasyprint, fatal_error, url_fetcher, response = _weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        self.project = project.resolve()
        self.cache_dir = cache_dir
        self._weasyprint = weasyprint
        self._allowed = [self.project / folder for folder in PRINT_ASSET_FOLDERS]
        self._fetcher = _make_fetcher(self._allowed, fatal_error, url_fetcher, response)
        self._fonts = FontConfiguration()
        stylesheet = self.project / STYLESHEET
        with _warnings_fail("the print stylesheet"):
            self._css = weasyprint.CSS(filename=str(stylesheet), url_fetcher=self._fetcher, font_config=self._fonts)
        self._inputs_hash = self._hash_inputs()

    def _hash_inputs(self) -> str:
        digest = hashlib.sha256(f"weasyprint {self._weasyprint.__version__}\n".encode())
        for folder in self._allowed:
            for file in sorted(folder.rglob("*")):
                if file.is_file() and file.suffix != ".j2":
                    digest.update(file.relative_to(self.project).as_posix().encode())
                    digest.update(file.read_bytes())
        return digest.hexdigest()

    def print_pdf(self, html: str, target: Path, label: str) -> PdfResult:
        key = hashlib.sha256((self._inputs_hash + "\n" + html).encode()).hexdigest()
        cached = self.cache_dir / f"{key}.pdf"
        if cached.exists():
            _copy_if_changed(cached, target)
            return PdfResult(str(target), True)
        fatal_error = _weasyprint()[1]
        try:
            with _warnings_fail(label):
                document = self._weasyprint.HTML(
                    string=html, base_url=str(self.project / "templates/print/"), url_fetcher=self._fetcher
                )
                pdf = document.write_pdf(
                    stylesheets=[self._css],
                    font_config=self._fonts,
                    pdf_variant="pdf/ua-1",
                    uncompressed_pdf=False,
                )
        except fatal_error as error:
            raise PdfError(f"{label}: {error}") from None
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(pdf)
        partial.replace(cached)
        _copy_if_changed(cached, target)
        return PdfResult(str(target), False)


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)
    partial.replace(target)


def _make_fetcher(allowed: list[Path], fatal_error: type, base: type, response: type):
    class RefusedURL(fatal_error):
        def __str__(self) -> str:
            return str(self.args[0])

    class ProjectAssetsFetcher(base):
        """Fetches ``data:`` URIs and files in the print-asset folders; refuses all else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True)

        def fetch(self, url: str, headers: dict | None = None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(folder) for folder in allowed) and path.is_file():
                    if path.stat().st_size > MAX_ASSET_BYTES:
                        raise RefusedURL(f"print asset {path.name} is larger than {MAX_ASSET_BYTES} bytes")
                    return response(url, body=path.read_bytes())
            shown = url if len(url) < 120 else url[:117] + "..."
            raise RefusedURL(f"refused to fetch {shown}: a PDF may only use the project's print assets and data: URIs")

    return ProjectAssetsFetcher()


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _warnings_fail(label: str) -> Iterator[None]:
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    previous_propagate = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(collector)
        logger.propagate = previous_propagate
    if collector.messages:
        details = "; ".join(dict.fromkeys(collector.messages))
        raise PdfError(f"{label}: WeasyPrint reported: {details}")
