"""Small pieces of wording shared by every message and page: hints, counts, clock times and lengths."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection


def closest(name: str, pool: Collection[str]) -> str | None:
    """The id in ``pool`` that ``name`` was most likely meant to be.

    Among ids that begin with the same word, only what follows their shared
    beginning counts, so that ``exercise-9-keeping-going`` is not taken for
    ``exercise-6-risk-taking`` because both start ``exercise-``.
    """
    kin = sorted(candidate for candidate in pool if candidate.split("-")[0] == name.split("-")[0])
    shared = 0
    for letters in zip(name, *kin, strict=False):
        if len(set(letters)) > 1:
            break
        shared += 1
    shared = name.rfind("-", 0, shared) + 1  # whole words only
    by_rest = {candidate[shared:]: candidate for candidate in (kin or sorted(pool))}
    guess = difflib.get_close_matches(name[shared:], list(by_rest), n=1)
    return by_rest[guess[0]] if guess else None


def did_you_mean(name: str, pool: Collection[str], *, ids: bool = False, cutoff: float = 0.6) -> str:
    """``"; did you mean 'x'?"`` for the likeliest of ``pool``, or ``""``.

    ``ids`` compares hyphenated ids word by word (see :func:`closest`); otherwise names are compared whole.
    """
    for normal in {re.sub(r"[\s_]+", "-", name.strip().lower()), re.sub(r"[\s-]+", "_", name.strip().lower())}:
        if normal != name and normal in pool:
            return f"; did you mean '{normal}'?"
    if ids:
        guess = closest(name, pool)
    else:
        found = difflib.get_close_matches(name, list(pool), n=1, cutoff=cutoff)
        guess = found[0] if found else None
    return f"; did you mean '{guess}'?" if guess else ""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 problem``, ``2 problems``."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def clock(minutes: int) -> str:
    """570 → ``09:30``; past midnight it wraps (1500 → ``01:00``)."""
    day = minutes % (24 * 60)
    return f"{day // 60:02d}:{day % 60:02d}"


def duration(minutes: int) -> str:
    """95 → ``1 h 35 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def numbers_named(numbers: list[int] | tuple[int, ...], noun: str = "Exercise") -> str:
    """[3, 7, 8] → ``Exercises 3, 7 and 8``; [3] → ``Exercise 3``."""
    shown = [str(number) for number in numbers]
    if len(shown) == 1:
        return f"{noun} {shown[0]}"
    return f"{noun}s {', '.join(shown[:-1])} and {shown[-1]}"


def exercise_length(minutes: int, at_least: bool) -> str:
    """45, True → ``At least 45 minutes``; 60, False → ``About 60 minutes``: an exercise's time in its facts."""
    return f"{'At least' if at_least else 'About'} {plural(minutes, 'minute')}"


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "half an": 0.5, "half a": 0.5}
_LENGTH_SAID = re.compile(
    r"(?:spend\s+)?(?P<qualifier>at least|about|around|roughly|approximately)?\s*"
    r"(?P<count>\d+|half an?|an?|one|two|three|four)\s+(?P<unit>hours?|minutes?|mins?)"
    r"(?:\s+on\s+(?:this|it))?[.!]?"
)


def length_said(text: str) -> tuple[int, bool] | None:
    """The length a sentence says and nothing else, as ``(minutes, at_least)``; None if it says more or other.

    ``"Spend at least 45 minutes"`` → ``(45, True)``; ``"Spend about an hour on this"`` → ``(60, False)``;
    ``"Spend at least 45 minutes, in pairs"`` → None.
    """
    said = _LENGTH_SAID.fullmatch(" ".join(text.lower().split()))
    if not said:
        return None
    count = said["count"]
    number = int(count) if count.isdigit() else _COUNTS[count]
    minutes = number * (60 if said["unit"].startswith("hour") else 1)
    return int(minutes), said["qualifier"] == "at least"


_OPENS_AFTER = " \t\n([{‘“—–/"
_LINK_TARGET = re.compile(r"(\]\([^)]*\))")


def typographic_quotes(text: str) -> str:
    """Straight quotes as printers set them: ``"Hi," she said; it's 'here'`` → ``“Hi,” she said; it’s ‘here’``.

    A quote opens at the start or after a space, bracket, dash or opening quote, and closes (or is an
    apostrophe) anywhere else.  The address of a Markdown link (``](...)``) is left as written.
    """
    parts = _LINK_TARGET.split(text)
    for index in range(0, len(parts), 2):
        out = []
        for position, char in enumerate(parts[index]):
            before = parts[index][position - 1] if position else (" " if index == 0 else ")")
            if char == '"':
                out.append("“" if before in _OPENS_AFTER else "”")
            elif char == "'":
                out.append("‘" if before in _OPENS_AFTER else "’")
            else:
                out.append(char)
        parts[index] = "".join(out)
    return "".join(parts)
