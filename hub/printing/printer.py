"""Print HTML to tagged PDF with WeasyPrint, safely and reproducibly.

Only the project's print assets (``templates/print/`` and ``docs/assets/fonts/``)
and ``data:`` URIs may be fetched; anything else stops the render.  Images are
checked (format, bytes, pixels) before WeasyPrint decodes them, and no link in
a PDF points at the machine that built it.  Any WeasyPrint warning fails the
PDF.  PDFs are cached by the hash of everything they are made from, so an
unchanged PDF is never laid out again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hub.atomic import copy_if_changed
from hub.printing import copyfit, forms, page_ranges, pdf_tags
from hub.printing.cache import PRINT_ASSET_FOLDERS, PdfCache, print_inputs_hash
from hub.printing.fetcher import LONG_DATA_URI, make_fetcher, shorten

STYLESHEET = "templates/print/print.css"
PRINT_TEMPLATES = "templates/print/"

_LINKED_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([a-z][a-z-]*\.css)">')


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
        self._fetcher = make_fetcher(self._allowed, fatal_error, url_fetcher, response)
        self._fonts = FontConfiguration()
        stylesheet = self.project / STYLESHEET
        with _warnings_fail("the print stylesheet"):
            self._css = weasyprint.CSS(filename=str(stylesheet), url_fetcher=self._fetcher, font_config=self._fonts)
        self._linked: dict[str, object] = {}
        self.cache = PdfCache(cache_dir, print_inputs_hash(self.project))

    def _with_stylesheets(self, html: str) -> tuple[str, list]:
        """The HTML without its links to the print folder's stylesheets, and those stylesheets, parsed once.

        A linked stylesheet would be fetched and parsed again for every PDF.  Passed after the print
        stylesheet instead, it keeps its place in the cascade: both are then of one origin, the later winning.
        """
        sheets = [self._css]

        def take(link: re.Match) -> str:
            name = link.group(1)
            if name not in self._linked:
                path = self.project / PRINT_TEMPLATES / name
                if not path.is_file():
                    return link.group(0)  # left for the URL fetcher, which refuses it with a message
                with _warnings_fail(name):
                    self._linked[name] = self._weasyprint.CSS(
                        filename=str(path), url_fetcher=self._fetcher, font_config=self._fonts
                    )
            sheets.append(self._linked[name])
            return ""

        return _LINKED_STYLESHEET.sub(take, html), sheets

    def _finish(self, document: object, pdf: object) -> None:
        """Before the tags are mended: links kept off this machine, and long answers set at auto size."""
        _links_off_the_machine(self.project)(document, pdf)
        forms.auto_size_long_answers(pdf)

    def print_pdf(self, html: str, target: Path, label: str) -> PdfResult:
        if self.cache.copy_to(html, target):
            return PdfResult(str(target), True)
        fatal_error = _weasyprint()[1]
        self._fetcher.refusals.clear()
        try:
            with _warnings_fail(label):
                body, stylesheets = self._with_stylesheets(html)

                def render(text: str) -> object:
                    document = self._weasyprint.HTML(
                        string=text, base_url=str(self.project / PRINT_TEMPLATES), url_fetcher=self._fetcher
                    )
                    return document.render(stylesheets=stylesheets, font_config=self._fonts, pdf_variant="pdf/ua-1")

                ranged = page_ranges.Settling(render)
                document = ranged.settled(copyfit.fitted(body, ranged.guessed))
                pdf = document.write_pdf(
                    pdf_variant="pdf/ua-1",
                    uncompressed_pdf=False,
                    finisher=pdf_tags.after(self._finish),
                )
        except fatal_error as error:
            raise PdfError(f"{label}: {error}") from None
        except PdfError:
            if self._fetcher.refusals:  # refused inside an SVG, which WeasyPrint reports only as a warning
                raise PdfError(f"{label}: {self._fetcher.refusals[0]}") from None
            raise
        copy_if_changed(self.cache.store(html, pdf, pages=len(document.pages)), target)
        return PdfResult(str(target), False)


def _links_off_the_machine(project: Path):
    """A finisher that makes links into the project relative to the site's pdf/ folder and drops other file: links.

    Author links to other items are relative (``../../scenarios/sandra/``); WeasyPrint resolves them against
    the print templates' folder, which would put a path of this machine into the PDF.
    """
    import pydyf

    project_uri = project.as_uri() + "/"

    def finish(document: object, pdf: pydyf.PDF) -> None:
        for annotation in pdf.objects:
            action = annotation.get("A") if isinstance(annotation, pydyf.Dictionary) else None
            uri = action.get("URI") if isinstance(action, pydyf.Dictionary) else None
            if not isinstance(uri, pydyf.String) or not str(uri.string).startswith("file:"):
                continue
            target = str(uri.string)
            if target.startswith(project_uri):
                relative = pydyf.String("../" + target.removeprefix(project_uri))
                action["URI"] = relative
                annotation["Contents"] = relative
            else:
                del annotation["A"]
                annotation.pop("Contents", None)

    return finish


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
        details = LONG_DATA_URI.sub(lambda match: shorten(match.group()), details)
        raise PdfError(f"{label}: WeasyPrint reported: {details}")
