"""Characters in author text: control characters refused, and every character checked against the fonts it prints in.

Both are checked when content is read, so that ``check`` finds what would
otherwise fail, or print differently, only inside WeasyPrint: a control
character, an emoji, a script the shipped fonts do not cover.  Every problem
names the character (``U+0175 LATIN SMALL LETTER W WITH CIRCUMFLEX``), shows
it escaped, and gives the line and column where it was written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hub.problems import Problem
from hub.problems import printable as escaped

PROGRAM = Path(__file__).resolve().parent.parent.parent
PRINT_STYLESHEETS = "templates/print"
# How the print stylesheets name a shipped font: src: url("../../docs/assets/fonts/<file>")
_FONT_FACE_SOURCE = re.compile(r"""url\(["']?\.\./\.\./(docs/assets/fonts/[A-Za-z0-9._-]+)["']?\)""")

# Unicode gives control characters no names; these are their names in ISO 6429.
_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
_OTHER_CONTROL_NAMES = {0x7F: "DELETE", 0x85: "NEXT LINE"}

# Invisible characters that reorder or hide text (the "Trojan Source" bidirectional controls), the line and
# paragraph separators (which YAML takes for line breaks, and a page does not), the interlinear annotation
# marks, and the byte-order mark.
_INVISIBLE = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB}
_INVISIBLE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

# Characters that are never drawn, so need no glyph: whitespace the layout handles,
# and the default-ignorable formatting characters (soft hyphen, joiners, variation selectors).
_NOT_DRAWN = {0x0A, 0x20, 0xA0, 0xAD, 0x034F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064}
_NOT_DRAWN |= set(range(0xFE00, 0xFE10)) | set(range(0x180B, 0x180E))


def character_name(char: str) -> str:
    """``U+0175 LATIN SMALL LETTER W WITH CIRCUMFLEX``; control characters by their ISO 6429 names."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name:
        if code < 0x20:
            name = _C0_NAMES[code]
        elif code in _OTHER_CONTROL_NAMES or 0x80 <= code < 0xA0:
            name = _OTHER_CONTROL_NAMES.get(code, "CONTROL CHARACTER")
        elif 0xD800 <= code < 0xE000:
            name = "SURROGATE"
        elif (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code < 0xFDF0:
            name = "NONCHARACTER"
        else:
            name = "UNASSIGNED"
    return f"U+{code:04X} {name}"


def shown(char: str) -> str:
    """The character as it can be shown safely in a message: itself if printable, else escaped."""
    if char.isprintable() and ord(char) not in _INVISIBLE:
        return f"'{char}'"
    return "'" + char.encode("unicode_escape").decode("ascii") + "'"


def printable(text: str) -> str:
    """``text`` with any character that is not printable shown escaped (``\\x1b``), for echoing in messages."""
    return escaped(text)


def is_refused(char: str) -> bool:
    """Control characters (but the line break) and invisible characters that reorder or hide text."""
    code = ord(char)
    return (unicodedata.category(char) == "Cc" and char != "\n") or code in _INVISIBLE


def refused_message(char: str) -> str:
    what = "character"
    if unicodedata.category(char) == "Cc":
        what = "control character"
    elif ord(char) in _INVISIBLE:
        what = "invisible formatting character"
    return f"{what} {shown(char)} ({character_name(char)}) is not allowed in text; delete it"


def print_fonts(project: Path) -> tuple[Path, ...]:
    """The font files the print stylesheets of ``project`` load with ``@font-face``."""
    names = set()
    for stylesheet in sorted((project / PRINT_STYLESHEETS).glob("*.css")):
        names.update(_FONT_FACE_SOURCE.findall(stylesheet.read_text(encoding="utf-8")))
    return tuple(project / name for name in sorted(names))


@lru_cache(maxsize=4)
def _coverage(files: tuple[tuple[str, float], ...]) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only when content is checked against fonts

    covered: set[int] = set()
    for name, _ in files:
        with TTFont(name, lazy=True) as font:
            covered |= set(font.getBestCmap())
    return frozenset(covered)


def font_coverage(project: Path = PROGRAM) -> frozenset[int]:
    """Every character that some font the PDFs of ``project`` are printed in has a glyph for.

    A project without print stylesheets or fonts of its own (a test's small copy) is checked
    against the program's own.
    """
    files = [path for path in print_fonts(project) if path.is_file()]
    if not files and project != PROGRAM:
        return font_coverage(PROGRAM)
    return _coverage(tuple((str(path), path.stat().st_mtime) for path in files))


def scalars(root: Node, walked: tuple = ()) -> Iterator[tuple[ScalarNode, tuple]]:
    """Every scalar in the tree, keys included, with the path of fields to it."""
    if isinstance(root, ScalarNode):
        yield root, walked
    elif isinstance(root, SequenceNode):
        for index, child in enumerate(root.value):
            yield from scalars(child, (*walked, index))
    elif isinstance(root, MappingNode):
        for key, value in root.value:
            yield from scalars(key, walked)
            name = key.value if isinstance(key, ScalarNode) else "?"
            yield from scalars(value, (*walked, name))


def position(source: str, node: Node, char: str) -> tuple[int, int]:
    """Line and column of ``char`` as written inside ``node``; the node's start if it was written as an escape."""
    start = node.start_mark.index
    index = source.find(char, start, max(node.end_mark.index, start + 1))
    if index < 0:
        return node.start_mark.line + 1, node.start_mark.column + 1
    return source.count("\n", 0, index) + 1, index - (source.rfind("\n", 0, index) + 1) + 1


def field_name(walked: tuple) -> str:
    """``('instructions', 2, 'text')`` → ``instructions[3].text`` (entries count from 1)."""
    text = ""
    for part in walked:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{printable(part)}" if text else printable(part))
    return text


def _refused_pattern() -> re.Pattern[str]:
    """Every refused character as one character class, so a text is scanned at C speed, not char by char."""
    codes = [code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc" and code != 0x0A]
    codes += sorted(_INVISIBLE)
    return re.compile("[" + "".join(re.escape(chr(code)) for code in codes) + "]")


_REFUSED = _refused_pattern()
_PRINTABLE_ASCII = frozenset(range(0x20, 0x7F))


def refused_characters(root: Node, source: str, path: str) -> list[Problem]:
    """A problem for each control or invisible formatting character in any key or value."""
    problems = []
    for node, walked in scalars(root):
        if not _REFUSED.search(node.value):
            continue
        for char in dict.fromkeys(_REFUSED.findall(node.value)):
            line, column = position(source, node, char)
            problems.append(Problem(path, line, column, field_name(walked), refused_message(char)))
    return problems


def unprintable_characters(root: Node, source: str, path: str, covered: frozenset[int]) -> list[Problem]:
    """A problem for each character that no shipped font can draw, once for each text it is in."""
    problems = []
    for node, walked in scalars(root):
        if node.value.isascii() and covered >= _PRINTABLE_ASCII:
            continue  # ASCII control characters are refused above; the fonts draw all the rest
        missing = (char for char in node.value if ord(char) not in covered and ord(char) not in _NOT_DRAWN)
        for char in dict.fromkeys(char for char in missing if not is_refused(char)):
            line, column = position(source, node, char)
            problems.append(Problem(path, line, column, field_name(walked), unprintable_message(char)))
    return problems


def unprintable_message(char: str) -> str:
    return (
        f"character {shown(char)} ({character_name(char)}) cannot be printed: "
        "the fonts the PDFs are printed in have no glyph for it; write it another way or leave it out"
    )


def why_unprintable(text: str, covered: frozenset[int] | None = None) -> str | None:
    """Why ``text``, given on the command line or in an address, cannot be printed as it is; None if it can.

    The same rules as for content: control and invisible characters are refused, and every other
    character must be one the shipped fonts can draw.
    """
    refused = _REFUSED.search(text)
    if refused:
        return refused_message(refused.group())
    if text.isascii():
        return None
    covered = font_coverage() if covered is None else covered
    missing = next((char for char in text if ord(char) not in covered and ord(char) not in _NOT_DRAWN), None)
    return unprintable_message(missing) if missing else None
