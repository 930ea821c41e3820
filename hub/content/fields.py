"""The kinds of field content is made of: text, author Markdown, ids, whole numbers, flags and clock times.

The loader hands every scalar over as the text the author wrote, so ``no``,
``12:30`` and ``012`` stay text in text fields.  Numbers and flags are parsed
here, strictly: only ``20``-style whole numbers and ``true``/``false``.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints


class AuthorMarkdown:
    """Marks a text field as author Markdown: rendered by hub.markup, its links and images checked on load."""


Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1), AuthorMarkdown()]
OptionalText = Annotated[str, StringConstraints(strict=True, strip_whitespace=True)]
OptionalMarkdown = Annotated[str, StringConstraints(strict=True, strip_whitespace=True), AuthorMarkdown()]
ItemId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def _whole_number(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"0|[1-9][0-9]*", value):
            raise ValueError(f"expected a whole number such as 20, not {value!r}")
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
            raise ValueError(f"expected a time of day on the 24-hour clock such as 09:30, not {value!r}")
        return int(match[1]) * 60 + int(match[2])
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number), Field(strict=True)]
Flag = Annotated[bool, BeforeValidator(_flag), Field(strict=True)]
ClockTime = Annotated[int, BeforeValidator(_clock_time), Field(strict=True, ge=0, lt=24 * 60)]
