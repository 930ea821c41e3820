"""A session as the planner makes it: the plan in its address, checked, and its agenda.

The planner (/exercises/plan/) keeps the plan after "#", in the order it runs::

    title=Team+day&date=2026-05-14&place=Room+2&start=09:30&end=16:30
    &welcome=10&ex=exercise-3-challenges-of-getting-outcomes-into-practice.60&break=15
    &lunch=45&note=20.Case+discussion

``ex=ID.MINUTES`` is an exercise with the length chosen for it; ``welcome``, ``intro``, ``break``,
``lunch``, ``energiser`` and ``note`` are the session's other items, as ``MINUTES`` or
``MINUTES.TITLE``.  The older ``exercises=ID,ID&breaks=ID:15`` form is still read.

Nothing in an address is trusted: unknown exercises, lengths that are not minutes, times that are
not times of day, too many items and text that is too long each give one plain message, and the plan
keeps what could be used.  This module and docs/assets/javascripts/agenda.js are one specification:
both pass the cases in tests/golden/agenda.json.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote_plus

from hub.words import clock, duration  # noqa: F401  (the session's own modules take them from here)

MAX_ITEMS = 40
MIN_MINUTES, MAX_MINUTES = 5, 480
TITLE_LENGTH, ITEM_TITLE_LENGTH = 120, 80
DEFAULT_START = 9 * 60 + 30
DAY = 24 * 60
# The session's own items: the address key, its title and its usual length.
ITEM_KINDS = {
    "welcome": ("Welcome", 10),
    "intro": ("Introductions", 15),
    "break": ("Break", 15),
    "lunch": ("Lunch", 45),
    "energiser": ("Energiser", 10),
    "note": ("Activity", 15),
}
REFRESHMENTS = ("break", "lunch")
SETTINGS = ("title", "date", "place", "start", "end", "view")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # not the locale's
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


@dataclass(frozen=True)
class ExerciseFacts:
    """What the planner needs to know of an exercise."""

    id: str
    number: int
    title: str
    minutes: int
    at_least: bool


@dataclass(frozen=True)
class Item:
    """One item of a session: an exercise (``kind`` "ex") or one of ITEM_KINDS."""

    kind: str
    minutes: int
    title: str
    exercise: str | None = None
    custom_title: bool = False
    at_least: bool = False  # the least time the guide gives, so later times may slip (pack files only)


@dataclass
class Plan:
    title: str = ""
    date: str = ""
    place: str = ""
    start: int = DEFAULT_START
    end: int | None = None
    view: str = ""
    items: list[Item] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def count(number: int) -> str:
    """10000 → ``10,000``."""
    return f"{number:,}"


def clean_text(text: str, limit: int) -> tuple[str, bool]:
    """Text from an address as it may be shown: no control or direction characters, spaces collapsed,
    at most ``limit`` characters; and whether it had to be shortened."""
    spaced = (" " if ch in "\t\n\r" else ch for ch in text)
    kept = "".join(ch for ch in spaced if unicodedata.category(ch) not in ("Cc", "Cf"))
    kept = re.sub(r" {2,}", " ", kept.replace("\u00a0", " ")).strip()
    return (kept[:limit].rstrip(), True) if len(kept) > limit else (kept, False)


def shown(raw: str) -> str:
    """A value from the address quoted in a message: cleaned and at most 40 characters."""
    text, cut = clean_text(raw, 40)
    return text + ("…" if cut else "")


def parse_clock(text: str) -> int | None:
    match = re.fullmatch(r"([01][0-9]|2[0-3]):([0-5][0-9])", text)
    return int(match[1]) * 60 + int(match[2]) if match else None


def parse_date(text: str) -> str | None:
    match = re.fullmatch(r"(20[0-9]{2})-(0[1-9]|1[0-2])-([0-3][0-9])", text)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    return text if 1 <= day <= calendar.monthrange(year, month)[1] else None


def date_text(iso: str) -> str:
    """``2026-05-14`` → ``Thursday 14 May 2026``."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{WEEKDAYS[calendar.weekday(year, month, day)]} {day} {MONTHS[month - 1]} {year}"


def exercise_title(facts: ExerciseFacts) -> str:
    return f"Exercise {facts.number}: {facts.title}"


def parse_plan(address: str, exercises: dict[str, ExerciseFacts]) -> Plan:
    """The plan in an address (anything up to "#" is ignored), with a message for each kind of problem."""
    fragment = address.split("#", 1)[1] if "#" in address else address
    plan = Plan()
    found: dict[str, list[str]] = {}  # message kind → the first raw value, and how many

    def note(kind: str, raw: str = "") -> None:
        found.setdefault(kind, []).append(raw)

    entries = parse_qsl(fragment, keep_blank_values=True)
    wanted: list[tuple[str, str]] = []
    for key, value in entries:
        if key == "exercises":
            wanted += [("ex", exercise_id) for exercise_id in value.split(",") if exercise_id]
        elif key == "breaks":
            for pair in value.split(","):
                after, _, minutes = pair.rpartition(":")
                spot = next((i for i, (k, v) in enumerate(wanted) if k == "ex" and v == after), None)
                if spot is not None:
                    wanted.insert(spot + 1, ("break", minutes))
        elif key == "ex" or key in ITEM_KINDS:
            wanted.append((key, value))
        elif key in SETTINGS:
            _setting(plan, key, value, note)
        else:
            note("unknown-key", key)
    seen: set[str] = set()
    for key, value in wanted:
        if len(plan.items) == MAX_ITEMS:
            note("too-many")
            continue
        item = _item(key, value, exercises, seen, note)
        if item is not None:
            plan.items.append(item)
    plan.messages = _messages(found, len(plan.items), exercises)
    return plan


def _setting(plan: Plan, key: str, value: str, note) -> None:
    if key in ("title", "place"):
        text, cut = clean_text(value, TITLE_LENGTH)
        if cut:
            note("long-text")
        setattr(plan, key, text)
    elif key == "date":
        if value:
            date = parse_date(value)
            plan.date = date or ""
            if date is None:
                note("bad-date", value)
    elif key == "start":
        start = parse_clock(value)
        plan.start = DEFAULT_START if start is None else start
        if start is None:
            note("bad-start", value)
    elif key == "end":
        if value:
            plan.end = parse_clock(value)
            if plan.end is None:
                note("bad-end", value)
    elif key == "view":
        plan.view = "participants" if value == "participants" else ""


def _item(key: str, value: str, exercises: dict[str, ExerciseFacts], seen: set[str], note) -> Item | None:
    head, dot, rest = value.partition(".")
    if key == "ex":
        facts = exercises.get(head)
        if facts is None:
            note("unknown-exercise", head)
            return None
        if head in seen:
            note("twice", exercise_title(facts))
            return None
        seen.add(head)
        minutes = _minutes(rest, facts.minutes, note) if dot else facts.minutes
        if facts.at_least and minutes < facts.minutes:
            note("at-least", f"{exercise_title(facts)}\0{facts.minutes}")
            minutes = facts.minutes
        return Item("ex", minutes, exercise_title(facts), facts.id)
    default_title, default_minutes = ITEM_KINDS[key]
    minutes = _minutes(head, default_minutes, note)
    title, cut = clean_text(rest, ITEM_TITLE_LENGTH) if dot else ("", False)
    if cut:
        note("long-text")
    return Item(key, minutes, title or default_title, custom_title=bool(title))


def _minutes(raw: str, usual: int, note) -> int:
    if re.fullmatch(r"[0-9]{1,4}", raw) and MIN_MINUTES <= int(raw) <= MAX_MINUTES:
        return int(raw)
    note("bad-minutes", raw)
    return usual


def _messages(found: dict[str, list[str]], kept: int, exercises: dict[str, ExerciseFacts]) -> list[str]:
    messages = []
    for kind, values in found.items():
        first, many = values[0], len(values)
        if kind == "too-many":
            messages.append(
                f"The address lists {count(kept + many)} items; a session holds at most {MAX_ITEMS}, "
                f"so only the first {MAX_ITEMS} are kept."
            )
        elif kind == "unknown-exercise":
            messages.append(
                f'The address names an exercise the hub does not have ("{shown(first)}"), so it is left out.'
                if many == 1
                else f"The address names {count(many)} exercises the hub does not have "
                f'(such as "{shown(first)}"), so they are left out.'
            )
        elif kind == "twice":
            messages.append(f"{first} is in the address more than once; it is kept once, in its first place.")
        elif kind == "at-least":
            title, minutes = first.split("\0")
            messages.append(f"{title} takes at least {minutes} minutes, so it is given {minutes}.")
        elif kind == "bad-minutes":
            messages.append(
                f'"{shown(first)}" is not a length from {MIN_MINUTES} to {MAX_MINUTES} minutes, '
                "so the usual length is used."
                if many == 1
                else f"{count(many)} lengths in the address are not from {MIN_MINUTES} to {MAX_MINUTES} minutes "
                f'(such as "{shown(first)}"), so the usual lengths are used.'
            )
        elif kind == "bad-start":
            messages.append(
                f'"{shown(first)}" is not a time of day on the 24-hour clock, '
                f"so the session starts at {clock(DEFAULT_START)}."
            )
        elif kind == "bad-end":
            messages.append(f'"{shown(first)}" is not a time of day on the 24-hour clock, so no end time is set.')
        elif kind == "bad-date":
            messages.append(f'"{shown(first)}" is not a date such as 2026-05-14, so no date is set.')
        elif kind == "long-text":
            messages.append("Some text in the address was too long, so it has been shortened.")
        elif kind == "unknown-key":
            messages.append(f'The address has a part the planner does not know ("{shown(first)}"); it is ignored.')
    return messages


def plan_address(plan: Plan) -> str:
    """The plan as the planner writes it after "#" (as URLSearchParams would)."""
    pairs: list[tuple[str, str]] = [("title", plan.title)] if plan.title else []
    pairs += [("date", plan.date)] if plan.date else []
    pairs += [("place", plan.place)] if plan.place else []
    pairs.append(("start", clock(plan.start)))
    pairs += [("end", clock(plan.end))] if plan.end is not None else []
    pairs += [("view", plan.view)] if plan.view else []
    for item in plan.items:
        if item.kind == "ex":
            pairs.append(("ex", f"{item.exercise}.{item.minutes}"))
        else:
            pairs.append((item.kind, f"{item.minutes}.{item.title}" if item.custom_title else str(item.minutes)))
    return "&".join(f"{_form(key)}={_form(value)}" for key, value in pairs)


def _form(text: str) -> str:
    """application/x-www-form-urlencoded, exactly as browsers write it."""
    return quote_plus(text, safe="*").replace("~", "%7E")
