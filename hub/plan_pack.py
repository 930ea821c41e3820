"""`build.py pack --plan ADDRESS`: the workshop pack of a session planned on the site, printed by WeasyPrint.

It is the pack the planner makes in the browser (docs/assets/javascripts/pack.js) for the same
address: the same cover, contents, agenda and checklist (print/pack.workshop.html.j2, which the
browser draws to the same rules) and the same exercise sections (print/_pack_exercise.html.j2), so
the two give the same text in the same order (tests/test_browser_pack.py compares them).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from hub.session_agenda import Row, agenda, exercises_named, refreshments_text, summary
from hub.session_plan import ExerciseFacts, Plan, clock, date_text, parse_plan

if TYPE_CHECKING:
    from hub.content import Entry, Library
    from hub.render import Paper
    from hub.schemas import Pack

PLANNER_PAGE = "exercises/plan/"
AUDIENCE = "Team leaders and their teams"
ROW_CLASSES = {"ex": "exercise", "break": "break", "lunch": "break"}


def exercise_facts(library: Library) -> dict[str, ExerciseFacts]:
    from hub.pack_sections import exercises

    return {
        entry.id: ExerciseFacts(
            entry.id, entry.item.number, entry.item.title, entry.item.time.minutes, entry.item.time.at_least
        )
        for entry in exercises(library)
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
        from hub.packs import PackPlan, checklist

        self.plan = plan
        self.rows = agenda(plan.start, plan.items)
        self.summary = summary(plan.start, self.rows, plan.end)
        self.slots = tuple(
            SessionSlot(row, library.entries[row.exercise] if row.exercise else None) for row in self.rows
        )
        self.exercises = tuple(slot.entry for slot in self.slots if slot.entry is not None)
        self.materials = checklist(self.exercises)
        self.cites_guide_pages = PackPlan.cites_guide_pages
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
    from hub.schemas import Pack

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


def run_plan_pack(project: Path, args: argparse.Namespace, paper: Paper) -> int:
    """Print the pack of the plan in ``args.plan``; a plan the planner would have to correct is a usage error."""
    from hub.content import load_library
    from hub.pdf import Printer
    from hub.pipeline import build_date, read_site_config
    from hub.print_products import PrintProducts
    from hub.render import make_environment, template_context

    library = load_library(project)
    plan = parse_plan(args.plan, exercise_facts(library))
    problems = list(plan.messages)
    session = SessionPack(plan, library)
    if not session.exercises:
        problems.append("the plan has no exercises; add at least one")
    if session.summary.past_midnight:
        problems.append(session.summary.past_midnight)
    if problems:
        args.fail("argument --plan: " + " ".join(problems))
    site_url = (read_site_config(project).get("site_url") or "").rstrip("/") + "/"
    environment = make_environment(project / "templates")
    common = template_context(library, build_date(), site_url, PrintProducts(library), paper)
    html = environment.get_template("print/pack.workshop.html.j2").render(
        common, item=session_pack_item(session), plan=session, page_url=site_url + PLANNER_PAGE
    )
    Printer(project, project / ".cache" / "pdf").print_pdf(html, args.output, f"the pack for {args.output}")
    count = len(session.exercises)
    print(
        f"Wrote {args.output}: {count} exercise{'s' if count != 1 else ''}, "
        f"{session.start_text} to {session.end_text} ({session.total_text})."
    )
    return 0
