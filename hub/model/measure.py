"""Text measured with the shipped font's own advance widths, so cards and posters are set as large as fits."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hub.content.text import plain_text

MM_PER_PT = 25.4 / 72
A4 = (210.0, 297.0)
A3 = (297.0, 420.0)
FONT_FOLDER = Path(__file__).resolve().parent.parent.parent / "docs/assets/fonts"
LINE_HEIGHT = 1.25
WIDTH_SAFETY = 1.04  # Pango's line breaking and bold words may take a little more than the sum of advances


class TextMeasure:
    """Line counts for text set in Atkinson Hyperlegible, from the font's advance widths."""

    def __init__(self, fonts: Path = FONT_FOLDER) -> None:
        from fontTools.ttLib import TTFont

        self._widths: dict[bool, tuple[dict[int, int], int]] = {}
        for bold, name in ((False, "400-normal"), (True, "700-normal")):
            font = TTFont(fonts / f"atkinson-hyperlegible-latin-{name}.woff")
            cmap, metrics = font.getBestCmap(), font["hmtx"]
            advances = {code: metrics[glyph][0] for code, glyph in cmap.items()}
            self._widths[bold] = (advances, font["head"].unitsPerEm)

    @cache  # noqa: B019 - one measure lives for the whole build
    def width_em(self, text: str, bold: bool = False) -> float:
        advances, per_em = self._widths[bold]
        fallback = advances.get(ord("M"), per_em)
        return sum(advances.get(ord(char), fallback) for char in text) / per_em * WIDTH_SAFETY

    def lines(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> int | None:
        """How many lines ``text`` takes, or ``None`` if a single word is wider than the line."""
        width_em = width_mm / MM_PER_PT / size_pt
        space = self.width_em(" ", bold)
        count = 0
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                continue
            count += 1
            used = 0.0
            for word in words:
                word_width = self.width_em(word, bold)
                if word_width > width_em:
                    return None
                if used and used + space + word_width > width_em:
                    count += 1
                    used = word_width
                else:
                    used += (space if used else 0) + word_width
        return count

    def height_mm(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> float | None:
        lines = self.lines(text, size_pt, width_mm, bold)
        return None if lines is None else lines * size_pt * LINE_HEIGHT * MM_PER_PT


_measure: TextMeasure | None = None


def text_measure() -> TextMeasure:
    global _measure
    if _measure is None:
        _measure = TextMeasure()
    return _measure


@cache
def plain(markdown: str) -> str:
    """Author Markdown as the words a reader sees, for measuring."""
    return " ".join(plain_text(markdown).split())
