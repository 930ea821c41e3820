"""PDFs may use only the project's print assets and data: URIs, images are checked before they are decoded,
nothing is embedded or attached, and any WeasyPrint warning fails the PDF."""

from __future__ import annotations

import base64
import http.server
import io
import shutil
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import REPO
from hub.printing.cache import PRINT_ASSET_FOLDERS
from hub.printing.fetcher import MAX_ASSET_BYTES
from hub.printing.printer import PdfError, Printer

pytestmark = pytest.mark.e2e  # WeasyPrint prints or refuses every page

PAGE = '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>T</title></head><body>{}</body></html>'
REFUSED = "a PDF may only use the project's print assets and data: URIs"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{}</svg>'
)


@pytest.fixture(scope="module")
def printer(tmp_path_factory: pytest.TempPathFactory) -> Printer:
    return Printer(REPO, tmp_path_factory.mktemp("pdf-cache"))


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with a redirect to /etc/passwd, and remembers that it was asked."""

    def do_GET(self) -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def redirecting_server() -> Iterator[tuple[str, list[str]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server.requests  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


def png_bomb(side: int) -> bytes:
    """A valid 1-bit PNG of ``side`` × ``side`` white pixels: about 100 KB that would decode to gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + side // 8)
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def image_bytes(image_format: str, size: tuple[int, int] = (4, 4)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, image_format)
    return buffer.getvalue()


def test_a_plain_page_prints(printer: Printer, tmp_path: Path) -> None:
    target = tmp_path / "ok.pdf"
    result = printer.print_pdf(PAGE.format("<h1>Hello</h1><p>World</p>"), target, "ok")
    assert not result.from_cache
    assert "Hello" in PdfReader(target).pages[0].extract_text()
    again = printer.print_pdf(PAGE.format("<h1>Hello</h1><p>World</p>"), target, "ok")
    assert again.from_cache


SVG_READING_A_FILE = SVG.format('<image xlink:href="file:///etc/passwd" width="10" height="10"/>')
SVG_READING_THE_NETWORK = SVG.format('<image href="https://example.org/x.png" width="10" height="10"/>')


@pytest.mark.parametrize(
    ("markup", "refused"),
    [
        ('<img src="file:///etc/passwd" alt="x">', "file:///etc/passwd"),
        ('<link rel="attachment" href="file:///etc/passwd">', "file:///etc/passwd"),
        ('<a rel="attachment" href="file:///etc/passwd">x</a>', "file:///etc/passwd"),
        ('<img src="http://127.0.0.1:9/x.png" alt="x">', "http://127.0.0.1:9/x.png"),
        ('<img src="http://localhost/x.png" alt="x">', "http://localhost/x.png"),
        ('<img src="http://[::1]/x.png" alt="x">', "http://[::1]/x.png"),
        ('<img src="https://example.org/x.png" alt="x">', "https://example.org/x.png"),
        ('<img src="ftp://example.org/x.png" alt="x">', "ftp://example.org/x.png"),
        ('<style>@import url("file:///etc/hostname");</style>', "file:///etc/hostname"),
        ('<style>@import "https://example.org/x.css";</style>', "https://example.org/x.css"),
        ('<link rel="stylesheet" href="https://example.org/x.css">', "https://example.org/x.css"),
        ('<p style="background: url(file:///etc/passwd)">x</p>', "file:///etc/passwd"),
        (
            "<style>@font-face { font-family: X; src: url(http://127.0.0.1:9/f.woff) } p { font-family: X }</style>"
            "<p>x</p>",
            "http://127.0.0.1:9/f.woff",
        ),
        ('<object data="file:///etc/passwd"></object>', "file:///etc/passwd"),
        ('<embed src="file:///etc/passwd">', "file:///etc/passwd"),
        ('<img src="../../../../../etc/passwd" alt="x">', "file:///etc/passwd"),
        (f'<img src="{data_uri("image/svg+xml", SVG_READING_A_FILE.encode())}" alt="x">', "file:///etc/passwd"),
        (
            f'<img src="{data_uri("image/svg+xml", SVG_READING_THE_NETWORK.encode())}" alt="x">',
            "https://example.org/x.png",
        ),
        (SVG_READING_A_FILE, "file:///etc/passwd"),
    ],
)
def test_fetching_anything_else_stops_the_pdf(printer: Printer, tmp_path: Path, markup: str, refused: str) -> None:
    target = tmp_path / "refused.pdf"
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format(markup), target, "content/x.yml (handout)")
    assert str(error.value) == f"content/x.yml (handout): refused to fetch {refused}: {REFUSED}"
    assert not target.exists()


def test_redirects_are_never_followed_because_nothing_is_requested(
    printer: Printer, tmp_path: Path, redirecting_server: tuple[str, list[str]]
) -> None:
    url, requests = redirecting_server
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format(f'<img src="{url}/redirect.png" alt="x">'), tmp_path / "r.pdf", "redirect")
    assert str(error.value) == f"redirect: refused to fetch {url}/redirect.png: {REFUSED}"
    assert requests == []


def embedded_things(pdf: Path) -> list[str]:
    """Attachments, scripts, launch actions and file: links anywhere in ``pdf``."""
    raw = pdf.read_bytes()
    reader = PdfReader(pdf)
    found = [name for name in ("/EmbeddedFiles", "/JavaScript", "/Launch", "/FileAttachment") if name.encode() in raw]
    names = reader.trailer["/Root"].get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        found.append("names/EmbeddedFiles")
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri.startswith("file:"):
                found.append(uri)
    return found


@pytest.mark.parametrize(
    "markup",
    [
        '<iframe src="file:///etc/passwd"></iframe>',
        '<video poster="file:///etc/passwd"></video>',
        SVG.format('<use href="file:///etc/passwd#x"/>'),
        '<p><a href="file:///etc/passwd">the password file</a></p>',
        '<p><a href="../../scenarios/sandra/">Sandra</a></p>',
    ],
)
def test_what_prints_embeds_nothing_and_links_to_nothing_on_this_machine(
    printer: Printer, tmp_path: Path, markup: str
) -> None:
    target = tmp_path / "quiet.pdf"
    printer.print_pdf(PAGE.format(markup), target, "quiet")
    assert embedded_things(target) == []
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "root:" not in text
    assert str(REPO) not in target.read_bytes().decode("latin-1")


def test_a_link_to_another_item_points_at_its_page_beside_the_pdfs(printer: Printer, tmp_path: Path) -> None:
    target = tmp_path / "linked.pdf"
    printer.print_pdf(PAGE.format('<p><a href="../../scenarios/sandra/">Sandra</a></p>'), target, "linked")
    (annotation,) = PdfReader(target).pages[0]["/Annots"]
    assert annotation.get_object()["/A"]["/URI"] == "../scenarios/sandra/"


def test_data_uris_are_allowed(printer: Printer, tmp_path: Path) -> None:
    target = tmp_path / "pixel.pdf"
    printer.print_pdf(PAGE.format(f'<img src="{data_uri("image/png", image_bytes("PNG"))}" alt="A dot">'), target, "p")
    assert target.read_bytes().startswith(b"%PDF")


ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>'
)


@pytest.mark.parametrize(
    ("media_type", "make", "reason"),
    [
        (
            "image/png",
            lambda: png_bomb(6_000),
            "it is an image of 6,000 × 6,000 pixels; at most 25,000,000 pixels are allowed",
        ),
        (
            "image/png",
            lambda: png_bomb(12_000),
            "it is an image of 12,000 × 12,000 pixels; at most 25,000,000 pixels are allowed",
        ),
        ("image/png", lambda: png_bomb(30_000), "it is an image of more than 25,000,000 pixels"),
        ("image/bmp", lambda: image_bytes("BMP"), "images must be PNG, JPEG, GIF or WebP, not BMP"),
        ("image/tiff", lambda: image_bytes("TIFF"), "images must be PNG, JPEG, GIF or WebP, not TIFF"),
        ("image/png", lambda: b"\x89PNG" + b"\0" * MAX_ASSET_BYTES, "it is larger than 5,000,000 bytes"),
        (
            "image/svg+xml",
            lambda: ENTITY_BOMB.encode(),
            "it declares XML entities (<!ENTITY), which can expand without limit",
        ),
    ],
)
def test_images_are_checked_before_they_are_decoded(
    printer: Printer, tmp_path: Path, media_type: str, make: object, reason: str
) -> None:
    uri = data_uri(media_type, make())  # type: ignore[operator]
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format(f'<img src="{uri}" alt="x">'), tmp_path / "bomb.pdf", "bomb")
    assert str(error.value) == f"bomb: refused {uri[:60]}...: {reason}"


def test_a_print_asset_that_is_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in PRINT_ASSET_FOLDERS:
        shutil.copytree(REPO / folder, project / folder)
    (project / "templates/print/bomb.png").write_bytes(png_bomb(10_000))
    printer = Printer(project, tmp_path / "cache")
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format('<img src="bomb.png" alt="x">'), tmp_path / "bomb.pdf", "asset")
    assert str(error.value) == (
        "asset: refused print asset bomb.png: it is an image of 10,000 × 10,000 pixels; "
        "at most 25,000,000 pixels are allowed"
    )


def test_any_weasyprint_warning_fails_the_pdf(printer: Printer, tmp_path: Path) -> None:
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format('<p style="colour: red">x</p>'), tmp_path / "w.pdf", "warned")
    assert str(error.value).startswith("warned: WeasyPrint reported: Ignored `colour: red`")


def test_no_built_pdf_embeds_or_attaches_anything(built: Path) -> None:
    pdfs = sorted((built / "site/pdf").glob("*.pdf"))
    assert pdfs
    assert {pdf.name: embedded_things(pdf) for pdf in pdfs} == {pdf.name: [] for pdf in pdfs}
