"""Text measured with the shipped font's own advance widths, so cards and posters are set as large as fits."""

from __future__ import annotations

import re
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
    """Line counts for text set in Atkinson Hyperlegible Next, from the font's advance widths."""

    def __init__(self, fonts: Path = FONT_FOLDER) -> None:
        from fontTools.ttLib import TTFont

        self._widths: dict[bool, tuple[dict[int, int], int]] = {}
        for bold, name in ((False, "400-normal"), (True, "700-normal")):
            font = TTFont(fonts / f"atkinson-hyperlegible-next-{name}.woff")
            cmap, metrics = font.getBestCmap(), font["hmtx"]
            advances = {code: metrics[glyph][0] for code, glyph in cmap.items()}
            self._widths[bold] = (advances, font["head"].unitsPerEm)

    @cache  # noqa: B019 - one measure lives for the whole build
    def width_em(self, text: str, bold: bool = False) -> float:
        advances, per_em = self._widths[bold]
        fallback = advances.get(ord("M"), per_em)
        return sum(advances.get(ord(char), fallback) for char in text) / per_em * WIDTH_SAFETY

    def lines(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> int | None:
        """How many lines ``text`` takes, breaking words too long for a line as the print CSS does.

        Lines are filled as Pango fills them: words between the spaces a line may end at
        (:func:`line_units`); a word too wide for a line is broken where line breaking allows
        (:func:`word_pieces`: after ``/``, ``-``, ``?``...), and a piece still too wide is broken
        between any two characters (``overflow-wrap: anywhere``).
        ``None`` only if a single character is wider than the line.
        """
        width = width_mm / MM_PER_PT / size_pt  # in em
        space = self.width_em(" ", bold)
        count = 0
        for paragraph in text.split("\n"):
            words = line_units(paragraph)
            if not words:
                continue
            count += 1
            used = 0.0
            for word in words:
                whole = self.width_em(word, bold)
                if used and used + space + whole <= width:
                    used += space + whole
                    continue
                if not used and whole <= width:
                    used = whole
                    continue
                for index, piece in enumerate(word_pieces(word)):
                    gap = space if index == 0 and used else 0.0
                    piece_width = self.width_em(piece, bold)
                    if used + gap + piece_width <= width:
                        used += gap + piece_width
                        continue
                    if used:
                        count += 1
                        used = 0.0
                    if piece_width <= width:
                        used = piece_width
                        continue
                    lines, used = self._characters(piece, width, bold)  # overflow-wrap: anywhere
                    if lines is None:
                        return None
                    count += lines
        return count

    def _characters(self, piece: str, width: float, bold: bool) -> tuple[int | None, float]:
        """``piece`` broken between characters from the start of a line: (extra lines, width used on the last)."""
        extra, used = 0, 0.0
        for char in piece:
            char_width = self.width_em(char, bold)
            if char_width > width:
                return None, 0.0
            if used + char_width > width:
                extra += 1
                used = 0.0
            used += char_width
        return extra, used

    def widest_piece_em(self, text: str, bold: bool = False) -> float:
        """The widest stretch of ``text`` that line breaking keeps together (a word, or a piece of a long one)."""
        pieces = [piece for word in line_units(text) for piece in word_pieces(word)]
        return max((self.width_em(piece, bold) for piece in pieces), default=0.0)

    def height_mm(self, text: str, size_pt: float, width_mm: float, bold: bool = False) -> float | None:
        lines = self.lines(text, size_pt, width_mm, bold)
        return None if lines is None else lines * size_pt * LINE_HEIGHT * MM_PER_PT


# Where a line may end inside a word such as a web address, as Pango decides it: Unicode line breaking
# (UAX #14) for the characters of words and addresses.  A line may end after ``/``, ``-``, ``?``, ``!``, ``|``,
# ``}``, ``)`` or a dash, never before closing punctuation or inside a number (``2024/01``, ``-2``, ``1.5``).
# tests/test_long_words.py checks this against Pango itself.
_CLASSES = {
    **dict.fromkeys("0123456789", "NU"),
    "/": "SY",
    **dict.fromkeys(",.:;", "IS"),
    "-": "HY",
    **dict.fromkeys("!?", "EX"),
    **dict.fromkeys("|\u2013\u00ad\u2010", "BA"),
    "\u2014": "B2",
    "\u200b": "ZW",
    **dict.fromkeys("([{", "OP"),
    **dict.fromkeys(")]", "CP"),
    "}": "CL",
    **dict.fromkeys("$+\\", "PR"),
    "%": "PO",
    **dict.fromkeys("\"'", "QU"),
}
_NEVER_BEFORE = frozenset(("CL", "CP", "EX", "IS", "SY", "BA", "HY", "QU"))
_NEVER_BEFORE_EVEN_AFTER_A_SPACE = frozenset(("CL", "CP", "EX", "IS", "SY"))  # "Really ?", "word /path"
_NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2060"
_BREAKING_SPACES = re.compile(rf"[^\S{_NO_BREAK_SPACES}]+")
_NUMBER_PARTS = frozenset(("NU", "SY", "IS"))
_KEPT_TOGETHER = frozenset(
    (
        ("AL", "AL"), ("AL", "NU"), ("NU", "AL"), ("IS", "AL"),  # words and numbers
        ("PR", "AL"), ("PO", "AL"), ("AL", "PR"), ("AL", "PO"), ("PR", "NU"), ("PO", "NU"),  # $5, 5%
        ("HY", "NU"), ("OP", "NU"), ("AL", "OP"), ("NU", "OP"), ("CP", "AL"), ("CP", "NU"), ("B2", "B2"),
    )
)  # fmt: skip


def _line_class(char: str) -> str:
    found = _CLASSES.get(char)
    if found is not None:
        return found
    if char in _NO_BREAK_SPACES:
        return "GL"
    if char.isspace():
        return "SP"
    return "NU" if char.isdigit() else "AL"


@cache  # the same cells are measured at many sizes and widths
def line_units(paragraph: str) -> tuple[str, ...]:
    """``paragraph`` cut at the spaces a line may end at: most spaces, but not one before ``?`` or ``/``
    (``Really ?``), after an opening bracket (``( a``) or between dashes, and never a no-break space."""
    units: list[str] = []
    for word in _BREAKING_SPACES.split(paragraph):
        if not word:
            continue
        if units and _joined_across_a_space(_line_class(units[-1][-1]), _line_class(word[0])):
            units[-1] += " " + word
        else:
            units.append(word)
    return tuple(units)


def _joined_across_a_space(last: str, first: str) -> bool:
    """Whether a line may not end at a space between characters of classes ``last`` and ``first``."""
    if first == "ZW":
        return True
    if last == "ZW":
        return False
    return first in _NEVER_BEFORE_EVEN_AFTER_A_SPACE or last == "OP" or (last, first) in (("B2", "B2"), ("QU", "OP"))


def _in_number(classes: list[str], index: int) -> bool:
    """Whether ``classes[index - 1]`` ends a run of NU (NU | SY | IS)* (CL | CP)?, as in ``2024/01`` or ``(1.5)``."""
    position = index - 1
    if position >= 0 and classes[position] in ("CL", "CP"):
        position -= 1
    while position >= 0 and classes[position] in _NUMBER_PARTS:
        if classes[position] == "NU":
            return True
        position -= 1
    return False


def _may_break(classes: list[str], index: int) -> bool:
    """Whether a line may end between ``classes[index - 1]`` and ``classes[index]``."""
    before, after = classes[index - 1], classes[index]
    if after in ("ZW", "SP"):
        return False
    if before == "ZW":
        return True
    if before in ("SP", "GL"):  # a space inside a unit is one a line may not end at
        return False
    if after == "GL":  # a no-break space keeps to what it follows, unless that is a hyphen or a dash
        return before in ("BA", "HY")
    if after in _NEVER_BEFORE or before in ("OP", "QU") or (before, after) in _KEPT_TOGETHER:
        return False
    if before in ("PR", "PO") and after in ("OP", "HY") and classes[index + 1 : index + 2] == ["NU"]:
        return False
    if _in_number(classes, index):  # 2024/01, 1.5%, (12)$
        return after not in ("PR", "PO") and (after != "NU" or before in ("CL", "CP"))
    return True


@cache
def word_pieces(word: str) -> tuple[str, ...]:
    """``word`` cut where a line may end inside it: ``www.example.org/a-b`` → ``www.example.org/``, ``a-``, ``b``."""
    classes = [_line_class(char) for char in word]
    pieces, start = [], 0
    for index in range(1, len(word)):
        if _may_break(classes, index):
            pieces.append(word[start:index])
            start = index
    pieces.append(word[start:])
    return tuple(pieces)


_measure: TextMeasure | None = None


def text_measure() -> TextMeasure:
    global _measure
    if _measure is None:
        _measure = TextMeasure()
    return _measure


@cache
def plain(markdown: str) -> str:
    """Author Markdown as the words a reader sees, for measuring (no-break spaces kept)."""
    return " ".join(_BREAKING_SPACES.split(plain_text(markdown))).strip()
