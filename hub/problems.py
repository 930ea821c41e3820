"""Problems: what went wrong, and exactly where, in words an author or user can act on."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that do not show as themselves on a terminal: controls (ESC, BEL, carriage return, C1 codes),
# invisible formatting (bidirectional overrides, zero-width characters), line and paragraph separators, and
# lone surrogates (from undecodable file names), which could not even be written to a UTF-8 terminal.
_UNPRINTABLE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))


_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to show on a terminal: every control or invisible character written as an escape.

    ``"\\x1b[2J"`` (which clears the screen) is shown as the seven characters ``\\x1b[2J``, a
    right-to-left override as ``\\u202e``.  Newlines are escaped too, so that a value cannot start a
    line of its own, unless ``keep_newlines`` (for messages that are several lines by design).
    """
    if text.isprintable():
        return text
    return "".join(
        _escape(char) if unicodedata.category(char) in _UNPRINTABLE and not (keep_newlines and char == "\n") else char
        for char in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return printable(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}")


class ContentError(Exception):
    """Raised when content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} content problem(s)")
        self.problems = sorted(problems)


class UsageError(Exception):
    """A command-line argument that cannot be used; ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message

    def __str__(self) -> str:
        return printable(f"argument {self.option}: {self.message}")
