"""The kinds of field content is made of: text, author Markdown, ids, whole numbers, flags and clock times.

The loader hands every scalar over as the text the author wrote, so ``no``,
``12:30`` and ``012`` stay text in text fields.  Numbers and flags are parsed
here, strictly: only ``20``-style whole numbers and ``true``/``false``.

Every field has a bound, so that no file can make a page or a search index
grow without limit: titles and names, other plain text, author Markdown and
lists each have a greatest length, and a web address must be one.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints


class AuthorMarkdown:
    """Marks a text field as author Markdown: rendered by hub.markup, its links and images checked on load."""


MAX_TITLE = 200  # titles, labels, names, headings: a line or two
MAX_SUMMARY = 1_000  # one or two sentences
MAX_TEXT = 2_000  # other plain text: a statement, a reason, a note
MAX_MARKDOWN = 20_000  # a block of author Markdown
MAX_ENTRIES = 200  # entries in any list
MAX_DIGITS = 6  # a whole number


def _text(max_length: int, min_length: int = 1) -> StringConstraints:
    return StringConstraints(strict=True, strip_whitespace=True, min_length=min_length, max_length=max_length)


Title = Annotated[str, _text(MAX_TITLE)]


def _tag_label(value: str) -> str:
    if any(char in value for char in '<>&"'):
        raise ValueError(
            "a theme's label is also a tag on the site, which shows it as written: leave out <, >, & and \""
        )
    return value


# A theme's label: MkDocs's tags plugin shows it on pages as written, so it holds no character HTML gives a meaning to.
TagLabel = Annotated[str, _text(MAX_TITLE), AfterValidator(_tag_label)]
Text = Annotated[str, _text(MAX_TEXT)]
Markdown = Annotated[str, _text(MAX_MARKDOWN), AuthorMarkdown()]
Summary = Annotated[str, _text(MAX_SUMMARY), AuthorMarkdown()]
OptionalText = Annotated[str, _text(MAX_TEXT, 0)]
OptionalMarkdown = Annotated[str, _text(MAX_MARKDOWN, 0), AuthorMarkdown()]
ItemId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def entries(min_length: int = 0, max_length: int = MAX_ENTRIES, **default: object) -> object:
    """A list field's bounds: ``items: list[Markdown] = entries(1)``; ``default=[]`` for an optional list."""
    return Field(min_length=min_length or None, max_length=max_length, **default)


WEB_SCHEMES = ("https", "http", "mailto")
# What may appear in an address (RFC 3986): no spaces, quotes, angle brackets or control characters.
_ADDRESS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _web_address(value: str) -> str:
    """A web page (``https://``, ``http://``) or an email address (``mailto:``), whatever the case."""
    shown = value if len(value) <= 80 else value[:77] + "..."
    parts = urlsplit(value) if _ADDRESS.fullmatch(value) else None
    scheme = parts.scheme.lower() if parts else ""
    if parts is None or scheme not in WEB_SCHEMES or (scheme != "mailto" and not parts.netloc):
        raise ValueError(
            f"{shown!r} is not a web address: give a full address starting https:// or http://, "
            "or mailto: for an email address"
        )
    if scheme == "mailto" and not parts.path:
        raise ValueError(f"{shown!r} names no email address after mailto:")
    return value


WebAddress = Annotated[str, _text(2_000), AfterValidator(_web_address)]


def _whole_number(value: object) -> object:
    if isinstance(value, str):
        if len(value) > MAX_DIGITS and re.fullmatch(r"[0-9]+", value):
            raise ValueError(f"expected a whole number such as 20, not a number {len(value):,} digits long")
        if not re.fullmatch(r"0|[1-9][0-9]*", value):
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise ValueError(f"expected a whole number such as 20, not {shown!r}")
        return int(value)
    return value


def _flag(value: object) -> object:
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str):
        raise ValueError(f"expected true or false, not {value!r}")
    return value


_CLOCK_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def _clock_time(value: object) -> object:
    """``09:30`` → 570, the minutes after midnight; only 24-hour times with two-digit hours and minutes."""
    if isinstance(value, str):
        match = _CLOCK_TIME.fullmatch(value)
        if not match:
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise ValueError(f"expected a time of day on the 24-hour clock such as 09:30, not {shown!r}")
        return int(match[1]) * 60 + int(match[2])
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number), Field(strict=True)]
Flag = Annotated[bool, BeforeValidator(_flag), Field(strict=True)]
ClockTime = Annotated[int, BeforeValidator(_clock_time), Field(strict=True, ge=0, lt=24 * 60)]
