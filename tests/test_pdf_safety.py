"""PDFs may use only the project's print assets and data: URIs, and any WeasyPrint warning fails them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO
from hub.pdf import PdfError, Printer

PAGE = '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>T</title></head><body>{}</body></html>'


@pytest.fixture(scope="module")
def printer(tmp_path_factory: pytest.TempPathFactory) -> Printer:
    return Printer(REPO, tmp_path_factory.mktemp("pdf-cache"))


def test_a_plain_page_prints(printer: Printer, tmp_path: Path) -> None:
    target = tmp_path / "ok.pdf"
    result = printer.print_pdf(PAGE.format("<h1>Hello</h1><p>World</p>"), target, "ok")
    assert not result.from_cache
    assert "Hello" in PdfReader(target).pages[0].extract_text()
    again = printer.print_pdf(PAGE.format("<h1>Hello</h1><p>World</p>"), target, "ok")
    assert again.from_cache


@pytest.mark.parametrize(
    ("markup", "refused"),
    [
        ('<img src="file:///etc/passwd" alt="x">', "file:///etc/passwd"),
        ('<link rel="attachment" href="file:///etc/passwd">', "file:///etc/passwd"),
        ('<img src="http://127.0.0.1:9/x.png" alt="x">', "http://127.0.0.1:9/x.png"),
        ('<img src="https://example.org/x.png" alt="x">', "https://example.org/x.png"),
        ('<style>@import url("file:///etc/hostname");</style>', "file:///etc/hostname"),
        ('<img src="../../../../../etc/passwd" alt="x">', "file:///etc/passwd"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
            '<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>',
            None,
        ),
    ],
)
def test_fetching_anything_else_stops_the_pdf(
    printer: Printer, tmp_path: Path, markup: str, refused: str | None
) -> None:
    target = tmp_path / "refused.pdf"
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format(markup), target, "content/x.yml (handout)")
    if refused is None:  # WeasyPrint wraps the refusal inside SVG in a warning, which fails the PDF too.
        assert str(error.value).startswith("content/x.yml (handout): WeasyPrint reported: Failed to render SVG image")
    else:
        assert str(error.value) == (
            f"content/x.yml (handout): refused to fetch {refused}: "
            "a PDF may only use the project's print assets and data: URIs"
        )
    assert not target.exists()


def test_data_uris_are_allowed(printer: Printer, tmp_path: Path) -> None:
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
    target = tmp_path / "pixel.pdf"
    printer.print_pdf(PAGE.format(f'<img src="{pixel}" alt="A dot">'), target, "pixel")
    assert target.read_bytes().startswith(b"%PDF")


def test_any_weasyprint_warning_fails_the_pdf(printer: Printer, tmp_path: Path) -> None:
    with pytest.raises(PdfError) as error:
        printer.print_pdf(PAGE.format('<p style="colour: red">x</p>'), tmp_path / "w.pdf", "warned")
    assert str(error.value).startswith("warned: WeasyPrint reported: Ignored `colour: red`")
