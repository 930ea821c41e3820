"""No PDF embeds a font of the machine that printed it (issue #12, class 5): every font in every built PDF is
one of the shipped families, embedded, whatever the characters; and what `check` lets through prints in them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hub.content.characters import font_coverage
from hub.printing.printer import Printer

OUR_FAMILIES = ("Atkinson-Hyperlegible-Next", "Hub-Noto-Sans")


def embedded_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """``(name, embedded)`` for each font in ``pdf``, the subset tag (``ABCDEF+``) taken off the name."""
    done = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = []
    for line in done.stdout.splitlines()[2:]:
        words = line.split()
        fonts.append((words[0].split("+", 1)[-1], words[-5] == "yes"))
    return fonts


def foreign_fonts(pdf: Path) -> list[str]:
    return [name for name, embedded in embedded_fonts(pdf) if not embedded or not name.startswith(OUR_FAMILIES)]


@pytest.mark.e2e
def test_every_built_pdf_embeds_only_the_shipped_fonts(built: Path) -> None:
    pdfs = sorted((built / "site/pdf").glob("*.pdf"))
    assert len(pdfs) > 100
    assert {pdf.name: foreign_fonts(pdf) for pdf in pdfs if foreign_fonts(pdf)} == {}
    # The white bullet of nested lists, which once came from the machine's DejaVu Sans:
    bullets = embedded_fonts(built / "site/pdf/positive-risk.pdf")
    assert any(name.startswith("Hub-Noto-Sans-Symbols-2") for name, _ in bullets)


WELSH_AND_SYMBOLS = "Gŵyl ŷd ẁ ẃ ẅ ỳ Ŵ Ŷ; Łódź čaj şeker Ĉ ĝ ŀ ŉ ſ; 1 ≤ 2 ≥ 0 ✓ ◦ • – — ‘a’ “b” … → ← € £ © ™ ½ №"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PDF of text that `check` passes, in every style, through the build's own printer."""
    from conftest import REPO

    folder = tmp_path_factory.mktemp("fonts")
    styles = [("<p>", "</p>"), ("<p><em>", "</em></p>"), ("<p><strong>", "</strong></p>")]
    styles += [("<p><strong><em>", "</em></strong></p>"), ("<h2>", "</h2>")]
    paragraphs = "".join(f"{start}{WELSH_AND_SYMBOLS}{end}" for start, end in styles)
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Fonts</title></head>'
        f"<body><h1>Fonts</h1>{paragraphs}<ul><li>One<ul><li>Nested</li></ul></li></ul></body></html>"
    )
    target = folder / "fonts.pdf"
    Printer(REPO, folder / "cache").print_pdf(html, target, "a test of the fonts")
    return target


def test_text_that_check_passes_prints_in_the_shipped_fonts_only(printed: Path) -> None:
    assert all(ord(char) in font_coverage() for char in WELSH_AND_SYMBOLS)
    assert foreign_fonts(printed) == []
    names = {name for name, _ in embedded_fonts(printed)}
    assert any(name.startswith("Hub-Noto-Sans-Symbols-2") for name in names)  # ✓ and ◦
    assert any(name.startswith("Hub-Noto-Sans-Math") for name in names)  # the arrows


def test_print_stylesheets_and_templates_name_only_the_shipped_families() -> None:
    """No generic family (sans-serif, monospace) anywhere in print, which would let a glyph fall back to the machine."""
    import re

    from conftest import REPO

    css = "".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "templates/print").glob("*.css")))
    faces = set(re.findall(r'@font-face\s*\{\s*font-family:\s*"([^"]+)"', css))
    assert faces == {"Atkinson Hyperlegible Next", "Hub Noto Sans", "Hub Noto Sans Symbols 2", "Hub Noto Sans Math"}
    templates = "".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "templates").rglob("*.j2")))
    stacks = re.findall(r"font-family:\s*([^;}]+)", css) + re.findall(r'font-family="([^"]+)"', templates)
    stacks += re.findall(r"font-family:\s*([^;}\"]+)", templates)  # inline styles
    for stack in stacks:
        families = {family.strip().strip("\"'") for family in stack.split(",")}
        assert families <= faces | {"inherit"}, stack


def test_every_font_the_print_stylesheets_load_is_shipped_with_its_licence() -> None:
    from conftest import REPO
    from hub.content.characters import print_fonts

    folder = REPO / "docs/assets/fonts"
    loaded = {path.name for path in print_fonts(REPO)}
    shipped = {path.name for path in folder.glob("*.woff")}
    assert loaded == shipped  # every font shipped is printed with, and measured with (hub/model/measure.py)
    assert {path.name for path in folder.glob("OFL-*.txt")} >= {"OFL-atkinson-hyperlegible-next.txt", "OFL-noto.txt"}
