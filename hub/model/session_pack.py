"""A session planned on the site's planner, as the pack template shows it: the same names as
:class:`hub.model.agenda.PackPlan`, worked out by the rules the planner's JavaScript shares
(tests/golden/agenda.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from hub.content.kinds import KINDS
from hub.content.library import Entry, Library
from hub.content.schemas import Pack
from hub.model.agenda import checklist
from hub.model.session_agenda import Row, agenda, exercises_named, refreshments_text, summary
from hub.model.session_plan import ExerciseFacts, Plan, clock, date_text

PLANNER_PAGE = "exercises/plan/"
AUDIENCE = "Team leaders and their teams"
ROW_CLASSES = {"ex": "exercise", "break": "break", "lunch": "break"}


def exercise_facts(library: Library) -> dict[str, ExerciseFacts]:
    return {
        entry.id: ExerciseFacts(
            entry.id, entry.item.number, entry.item.title, entry.item.time.minutes, entry.item.time.at_least
        )
        for entry in library.of_kind(KINDS["exercises"])
    }


def default_title(numbers: list[int]) -> str:
    return f"Workshop: {exercises_named(numbers)}"


def default_summary(count: int) -> str:
    return f"A workshop of {count} exercise{'s' if count != 1 else ''} chosen for your team."


@dataclass(frozen=True)
class SessionSlot:
    """An agenda row as print/pack.workshop.html.j2 shows it."""

    row: Row
    entry: Entry | None

    def __getattr__(self, name: str):
        return getattr(self.row, name)

    @property
    def row_class(self) -> str:
        return ROW_CLASSES.get(self.row.kind, "activity")


class SessionPack:
    """What the pack template needs of a planned session (the same names as hub.packs.PackPlan)."""

    def __init__(self, plan: Plan, library: Library) -> None:
        self.plan = plan
        self.rows = agenda(plan.start, plan.items)
        self.summary = summary(plan.start, self.rows, plan.end)
        self.slots = tuple(
            SessionSlot(row, library.entries[row.exercise] if row.exercise else None) for row in self.rows
        )
        self.exercises = tuple(slot.entry for slot in self.slots if slot.entry is not None)
        self.materials = checklist(self.exercises)
        self.theme_labels = tuple(
            dict.fromkeys(library.themes[theme].label for entry in self.exercises for theme in entry.item.themes)
        )
        self.date_text = date_text(plan.date) if plan.date else ""
        self.place = plan.place
        self.refreshments_text = refreshments_text(self.rows)
        self.start_text = clock(plan.start)
        self.end_text = self.summary.end_text
        self.total_text = self.summary.total_text
        self.break_minutes = self.summary.break_minutes
        self.open_ended = self.summary.open_ended

    @cached_property
    def numbers(self) -> list[int]:
        return [entry.item.number for entry in self.exercises]


def session_pack_item(session: SessionPack) -> Pack:
    """The pack's title, summary, audience and source, as a pack file would give them."""
    first = session.exercises[0].item
    return Pack.model_validate(
        {
            "title": session.plan.title or default_title(session.numbers),
            "summary": default_summary(len(session.exercises)),
            "audience": AUDIENCE,
            "start": session.start_text,
            "exercises": [entry.id for entry in session.exercises],
            "source": {"document": first.source.document, "section": exercises_named(session.numbers)},
        }
    )
