"""A workshop's agenda and checklist, worked out once from its pack.

A pack runs its exercises in the order given, with breaks after the exercises
named, from a start time.  Each exercise takes the time the guide gives it, or,
where the guide says "at least", the length the pack sets it (``lengths``), so
that the agenda's clock times are fixed ones.  An "at least" exercise the pack
sets no length for takes its least time, the clock times after it are the
earliest they can be, and the agenda says so ("or later").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub.content.library import Entry, Library
from hub.content.packs import exercise_minutes
from hub.content.schemas import Exercise, Pack
from hub.model.session_plan import Item, Plan, plan_address
from hub.words import clock, duration, numbers_named

PACKS_PAGE = "packs/"


def exercise_heading(exercise: Exercise) -> str:
    return f"Exercise {exercise.number}: {exercise.title}"


@dataclass(frozen=True)
class Slot:
    """One row of the agenda: an exercise, or a break (``entry`` is None)."""

    title: str
    start: int
    minutes: int
    at_least: bool
    may_start_later: bool
    elapsed: int
    open_ended: bool
    entry: Entry | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def start_text(self) -> str:
        return clock(self.start) + (" or later" if self.may_start_later else "")

    @property
    def end_text(self) -> str:
        return clock(self.end) + (" or later" if self.open_ended else "")

    @property
    def length_text(self) -> str:
        return ("at least " if self.at_least else "") + duration(self.minutes)

    @property
    def elapsed_text(self) -> str:
        return ("at least " if self.open_ended else "") + duration(self.elapsed)


@dataclass(frozen=True)
class ChecklistItem:
    """Something to bring or prepare: the exercises' own words, with the numbers of the exercises that need it."""

    text: str
    exercises: tuple[int, ...]

    @property
    def for_text(self) -> str:
        return numbers_named(self.exercises)


@dataclass(frozen=True)
class PackPlan:
    """Everything a pack's page and PDF show, worked out once."""

    pack: Pack
    slots: tuple[Slot, ...]
    exercises: tuple[Entry, ...]
    materials: tuple[ChecklistItem, ...]
    scenario_first_shown: dict[str, Entry]
    theme_labels: tuple[str, ...]
    least_given: tuple[str, ...] = ()  # made to order: exercises given their least time, as no length was chosen

    @property
    def start_text(self) -> str:
        return clock(self.pack.start)

    @property
    def end(self) -> int:
        return self.slots[-1].end

    @property
    def open_ended(self) -> bool:
        return self.slots[-1].open_ended

    @property
    def end_text(self) -> str:
        return self.slots[-1].end_text

    @property
    def total_text(self) -> str:
        return self.slots[-1].elapsed_text

    @property
    def break_minutes(self) -> int:
        return sum(slot.minutes for slot in self.slots if slot.entry is None)

    @property
    def breaks(self) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if slot.entry is None)

    @property
    def lengths_named(self) -> str:
        """The exercises the pack gives a length the guide gives only "at least": ``Exercises 3, 4 and 6``; or ""."""
        numbers = tuple(e.item.number for e in self.exercises if e.id in self.pack.lengths)
        return numbers_named(numbers) if numbers else ""

    @property
    def least_named(self) -> str:
        """``Exercise 6 is`` / ``Exercises 3 and 6 are``, given their least time for want of a chosen length; or ""."""
        numbers = tuple(e.item.number for e in self.exercises if e.id in self.least_given)
        return f"{numbers_named(numbers)} {'is' if len(numbers) == 1 else 'are'}" if numbers else ""

    @property
    def planner_address(self) -> str:
        """The pack as the planner's address (after "#"): the planner shows the same clock times."""
        items = []
        for slot in self.slots:
            if slot.entry is not None:
                items.append(Item("ex", slot.minutes, slot.title, slot.entry.id))
            elif slot.title == "Lunch":
                items.append(Item("lunch", slot.minutes, slot.title))
            else:
                items.append(Item("break", slot.minutes, slot.title, custom_title=slot.title != "Break"))
        return plan_address(Plan(title=self.pack.title, start=self.pack.start, items=items))

    def slot_of(self, entry: Entry) -> Slot:
        return next(slot for slot in self.slots if slot.entry is entry)

    def scenarios_new_in(self, entry: Entry) -> list[str]:
        """The scenarios an exercise uses that no earlier exercise in the pack has printed."""
        return [s for s in entry.item.scenarios if self.scenario_first_shown[s] is entry]

    def scenarios_printed_before(self, entry: Entry) -> list[tuple[Entry, list[str]]]:
        """The scenarios an exercise uses that an earlier exercise printed, grouped by that exercise."""
        earlier: dict[str, tuple[Entry, list[str]]] = {}
        for scenario in entry.item.scenarios:
            shown_in = self.scenario_first_shown[scenario]
            if shown_in is not entry:
                earlier.setdefault(shown_in.id, (shown_in, []))[1].append(scenario)
        return list(earlier.values())


def plan_pack(pack: Pack, library: Library, least_given: tuple[str, ...] = ()) -> PackPlan:
    """The agenda and checklist of a valid pack whose exercises all exist; ``least_given`` names the exercises of
    a pack made to order whose length is their least time because none was chosen."""
    breaks_after = {pause.after: pause for pause in pack.breaks}
    slots: list[Slot] = []
    now, elapsed, open_ended = pack.start, 0, False
    exercises = tuple(library.entries[exercise_id] for exercise_id in pack.exercises)
    for entry in exercises:
        exercise: Exercise = entry.item
        minutes, at_least = exercise_minutes(pack, entry.id, exercise)
        later = open_ended
        open_ended = open_ended or at_least
        elapsed += minutes
        slots.append(Slot(exercise_heading(exercise), now, minutes, at_least, later, elapsed, open_ended, entry))
        now += minutes
        pause = breaks_after.get(entry.id)
        if pause is not None:
            elapsed += pause.minutes
            slots.append(Slot(pause.label, now, pause.minutes, False, open_ended, elapsed, open_ended))
            now += pause.minutes
    first_shown: dict[str, Entry] = {}
    for entry in exercises:
        for scenario in entry.item.scenarios:
            first_shown.setdefault(scenario, entry)
    themes = dict.fromkeys(theme for theme in pack.themes) | dict.fromkeys(
        theme for entry in exercises for theme in entry.item.themes
    )
    labels = tuple(library.themes[theme].label for theme in themes)
    return PackPlan(pack, tuple(slots), exercises, checklist(exercises), first_shown, labels, least_given)


_NOTHING_NEEDED = {"none", "noneneeded", "nothing", "nothingneeded"}


def _material_key(text: str) -> str:
    """What makes two materials the same: ``Flip chart paper`` and ``Flipchart paper`` are one."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def checklist(exercises: tuple[Entry, ...]) -> tuple[ChecklistItem, ...]:
    """Every exercise's materials once, in the order first needed, each with the exercises that need it."""
    found: dict[str, tuple[str, list[int]]] = {}
    for entry in exercises:
        for material in entry.item.materials:
            key = _material_key(material)
            if key in _NOTHING_NEEDED:
                continue
            numbers = found.setdefault(key, (material, []))[1]
            if entry.item.number not in numbers:
                numbers.append(entry.item.number)
    return tuple(ChecklistItem(text, tuple(numbers)) for text, numbers in found.values())
