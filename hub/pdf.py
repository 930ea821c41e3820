"""Print HTML to tagged PDF with WeasyPrint, safely and reproducibly.

Only the project's print assets (``templates/print/`` and ``docs/assets/fonts/``)
and ``data:`` URIs may be fetched; anything else stops the render.  Images are
checked (format, bytes, pixels) before WeasyPrint decodes them, and no link in
a PDF points at the machine that built it.  Any WeasyPrint warning fails the
PDF.  PDFs are cached by the hash of everything they are made from, so an
unchanged PDF is never laid out again.
"""

from __future__ import annotations

import hashlib
import io
import logging
import mimetypes
import re
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hub import pdf_tags

PRINT_ASSET_FOLDERS = ("templates/print", "docs/assets/fonts")
STYLESHEET = "templates/print/print.css"
PRINT_TEMPLATES = "templates/print/"
_LINKED_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([a-z][a-z-]*\.css)">')
MAX_ASSET_BYTES = 5_000_000
MAX_IMAGE_PIXELS = 25_000_000  # an A3 page at 300 dpi is 17.4 million
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")


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


_RENDERING_PACKAGES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pillow")


def print_inputs_hash(project: Path) -> str:
    """A hash of everything besides the HTML that a PDF depends on: print assets, this code, library versions."""
    digest = hashlib.sha256(Path(__file__).read_bytes())  # how this module prints is part of every PDF too
    digest.update(Path(pdf_tags.__file__).read_bytes())  # and so is how the tags are finished
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


def copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")  # a dotfile: MkDocs, reading docs/ meanwhile, skips it
    shutil.copyfile(source, partial)
    partial.replace(target)


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
        self._linked: dict[str, object] = {}
        self._inputs_hash = print_inputs_hash(self.project)

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

    def print_pdf(self, html: str, target: Path, label: str) -> PdfResult:
        cached = self.cache_dir / f"{cache_key(self._inputs_hash, html)}.pdf"
        if cached.exists():
            copy_if_changed(cached, target)
            return PdfResult(str(target), True)
        fatal_error = _weasyprint()[1]
        self._fetcher.refusals.clear()
        try:
            with _warnings_fail(label):
                body, stylesheets = self._with_stylesheets(html)
                document = self._weasyprint.HTML(
                    string=body, base_url=str(self.project / PRINT_TEMPLATES), url_fetcher=self._fetcher
                )
                pdf = document.write_pdf(
                    stylesheets=stylesheets,
                    font_config=self._fonts,
                    pdf_variant="pdf/ua-1",
                    uncompressed_pdf=False,
                    finisher=pdf_tags.after(_links_off_the_machine(self.project)),
                )
        except fatal_error as error:
            raise PdfError(f"{label}: {error}") from None
        except PdfError:
            if self._fetcher.refusals:  # refused inside an SVG, which WeasyPrint reports only as a warning
                raise PdfError(f"{label}: {self._fetcher.refusals[0]}") from None
            raise
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(pdf)
        partial.replace(cached)
        copy_if_changed(cached, target)
        return PdfResult(str(target), False)


def _make_fetcher(allowed: list[Path], fatal_error: type, base: type, response: type):
    class RefusedURL(fatal_error):
        def __str__(self) -> str:
            return str(self.args[0])

    class ProjectAssetsFetcher(base):
        """Fetches ``data:`` URIs and files in the print-asset folders; refuses all else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True)
            self.refusals: list[str] = []

        def _refuse(self, message: str) -> RefusedURL:
            self.refusals.append(message)
            return RefusedURL(message)

        def fetch(self, url: str, headers: dict | None = None):
            scheme = urlsplit(url).scheme.lower()
            shown = _shorten(url)
            if scheme == "data":
                fetched = super().fetch(url, headers)
                body = fetched.read(MAX_ASSET_BYTES + 1)
                fetched.close()
                if problem := resource_problem(body):
                    raise self._refuse(f"refused {shown}: {problem}")
                return response(fetched.url, body=body, headers=fetched.headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(folder) for folder in allowed) and path.is_file():
                    if path.stat().st_size > MAX_ASSET_BYTES:
                        raise self._refuse(f"print asset {path.name} is larger than {MAX_ASSET_BYTES} bytes")
                    body = path.read_bytes()
                    if problem := resource_problem(body):
                        raise self._refuse(f"refused print asset {path.name}: {problem}")
                    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return response(url, body=body, headers={"Content-Type": media_type})
            message = f"refused to fetch {shown}: a PDF may only use the project's print assets and data: URIs"
            raise self._refuse(message)

    return ProjectAssetsFetcher()


def resource_problem(body: bytes) -> str | None:
    """Why a fetched resource may not go into a PDF, or None: too many bytes, XML entities (an SVG bomb), or a
    raster image that is not PNG, JPEG, GIF or WebP or has too many pixels (read from its header, undecoded)."""
    from PIL import Image, UnidentifiedImageError

    if len(body) > MAX_ASSET_BYTES:
        return f"it is larger than {MAX_ASSET_BYTES:,} bytes"
    if b"<!ENTITY" in body:
        return "it declares XML entities (<!ENTITY), which can expand without limit"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(body)) as image:
                image_format, (width, height) = image.format, image.size
        except UnidentifiedImageError:
            return None  # not a raster image: a font, a stylesheet or an SVG, which WeasyPrint checks itself
        except Image.DecompressionBombError:
            return f"it is an image of more than {MAX_IMAGE_PIXELS:,} pixels"
    if image_format not in IMAGE_FORMATS:
        return f"images must be PNG, JPEG, GIF or WebP, not {image_format}"
    if width * height > MAX_IMAGE_PIXELS:
        return f"it is an image of {width:,} × {height:,} pixels; at most {MAX_IMAGE_PIXELS:,} pixels are allowed"
    return None


_LONG_DATA_URI = re.compile(r"data:[^\s'\"]{60,}")


def _shorten(url: str) -> str:
    return url if len(url) <= 80 else url[:60] + "..."


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
        details = _LONG_DATA_URI.sub(lambda match: _shorten(match.group()), details)
        raise PdfError(f"{label}: WeasyPrint reported: {details}")
