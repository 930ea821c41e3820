"""The agenda of a session: clock times, lengths and running totals, what the planner says of the whole,
and the one checklist of materials.  docs/assets/javascripts/agenda.js does the same, case for case
(tests/golden/agenda.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub.model.session_plan import DAY, REFRESHMENTS, Item, clock, duration
from hub.words import numbers_named as exercises_named


@dataclass(frozen=True)
class Row:
    """One row of the agenda."""

    kind: str
    title: str
    start: int
    minutes: int
    at_least: bool
    may_start_later: bool
    elapsed: int
    open_ended: bool
    exercise: str | None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def start_text(self) -> str:
        return clock(self.start) + (" or later" if self.may_start_later else "")

    @property
    def length_text(self) -> str:
        return ("at least " if self.at_least else "") + duration(self.minutes)

    @property
    def elapsed_text(self) -> str:
        return ("at least " if self.open_ended else "") + duration(self.elapsed)

    @property
    def refreshment_name(self) -> str:
        """How the checklist names a break: "Morning break" → "morning break"; "Lunch at Joe's" stays."""
        rest = self.title[1:]
        return self.title[:1].lower() + rest if rest == rest.lower() else self.title


def agenda(start: int, items: list[Item]) -> list[Row]:
    """Clock times, lengths and running totals.  Where an item takes "at least" its time, the times
    after it are the earliest they can be ("or later")."""
    rows, now, elapsed, open_ended = [], start, 0, False
    for item in items:
        later = open_ended
        open_ended = open_ended or item.at_least
        elapsed += item.minutes
        rows.append(
            Row(item.kind, item.title, now, item.minutes, item.at_least, later, elapsed, open_ended, item.exercise)
        )
        now += item.minutes
    return rows


@dataclass(frozen=True)
class Summary:
    """What the planner says of a whole session."""

    start: int
    end: int
    open_ended: bool
    exercises: int
    total: int
    break_minutes: int
    target: int | None

    @property
    def end_text(self) -> str:
        return clock(self.end) + (" or later" if self.open_ended else "")

    @property
    def total_text(self) -> str:
        return ("at least " if self.open_ended else "") + duration(self.total)

    @property
    def past_midnight(self) -> str:
        if self.end <= DAY:
            return ""
        return f"The session would end after midnight ({clock(self.end)} the next day); start earlier or shorten it."

    @property
    def target_text(self) -> str:
        if self.target is None:
            return ""
        gap = self.end - self.target
        if gap > 0:
            return f"Ends at {clock(self.end)}, {duration(gap)} after your end time of {clock(self.target)}."
        if gap < 0:
            return f"Ends at {clock(self.end)}, {duration(-gap)} before your end time of {clock(self.target)}."
        return f"Ends at {clock(self.end)}, on your end time."

    @property
    def short_text(self) -> str:
        """For the summary that stays in view on phones: ``3 exercises · 2 h 45 min · ends 16:15``."""
        things = f"{self.exercises} exercise{'' if self.exercises == 1 else 's'}"
        return f"{things} · {duration(self.total)} · ends {self.end_text}"


def summary(start: int, rows: list[Row], target: int | None = None) -> Summary:
    end = rows[-1].end if rows else start
    return Summary(
        start,
        end,
        bool(rows) and rows[-1].open_ended,
        sum(1 for row in rows if row.kind == "ex"),
        rows[-1].elapsed if rows else 0,
        sum(row.minutes for row in rows if row.kind in REFRESHMENTS),
        target,
    )


def refreshments_text(rows: list[Row]) -> str:
    """``Refreshments for the break at 10:30, lunch at 12:15 and afternoon break at 14:45.``; "" for none."""
    named = [f"{row.refreshment_name} at {row.start_text}" for row in rows if row.kind in REFRESHMENTS]
    if not named:
        return ""
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"Refreshments for the {listed}."


_NOTHING_NEEDED = {"none", "noneneeded", "nothing", "nothingneeded"}


def checklist(exercises: list[tuple[int, list[str]]]) -> list[tuple[str, str]]:
    """Every exercise's materials once, in the order first needed, with the exercises that need them:
    ``[(3, ["Flip chart paper"]), …]`` → ``[("Flip chart paper", "Exercise 3"), …]``."""
    found: dict[str, tuple[str, list[int]]] = {}
    for number, materials in exercises:
        for material in materials:
            key = re.sub(r"[^a-z0-9]", "", material.lower())
            if key in _NOTHING_NEEDED:
                continue
            numbers = found.setdefault(key, (material, []))[1]
            if number not in numbers:
                numbers.append(number)
    return [(text, exercises_named(numbers)) for text, numbers in found.values()]
