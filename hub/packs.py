"""Workshop packs: the agenda, the checklist, and packs chosen from the training-priorities audit.

A pack runs its exercises in the order given, with breaks after the exercises
named, from a start time.  Each exercise takes the time the guide gives it;
where the guide says "at least", the clock times after it are the earliest
they can be, and the agenda says so.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError
from yaml.nodes import MappingNode, ScalarNode

from hub.problems import ContentError, Problem
from hub.schemas import Audit, ClockTime, Exercise, Pack, SourceRef

if TYPE_CHECKING:
    from hub.content import Entry, Library
    from hub.render import Paper

PACKS_PAGE = "packs/"
AUDIT_ID = "training-priorities"
MINUTES_IN_A_DAY = 24 * 60


def clock(minutes: int) -> str:
    """570 → ``09:30``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """95 → ``1 h 35 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def exercise_heading(exercise: Exercise) -> str:
    return f"Exercise {exercise.number}: {exercise.title}"


def exercises_named(numbers: list[int] | tuple[int, ...]) -> str:
    """[3, 7, 8] → ``Exercises 3, 7 and 8``; [3] → ``Exercise 3``."""
    shown = [str(number) for number in numbers]
    if len(shown) == 1:
        return f"Exercise {shown[0]}"
    return f"Exercises {', '.join(shown[:-1])} and {shown[-1]}"


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
        return exercises_named(self.exercises)


@dataclass(frozen=True)
class PackPlan:
    """Everything a pack's page and PDF show, worked out once."""

    pack: Pack
    slots: tuple[Slot, ...]
    exercises: tuple[Entry, ...]
    materials: tuple[ChecklistItem, ...]
    scenario_first_shown: dict[str, Entry]
    theme_labels: tuple[str, ...]

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

    def slot_of(self, entry: Entry) -> Slot:
        return next(slot for slot in self.slots if slot.entry is entry)

    @staticmethod
    def cites_guide_pages(entry: Entry) -> bool:
        """Whether an exercise's instructions send the reader to pages of the printed guide."""
        steps = [step if isinstance(step, str) else step.text for step in entry.item.instructions]
        return any(_GUIDE_PAGE.search(step) for step in steps)

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


def plan_pack(pack: Pack, library: Library) -> PackPlan:
    """The agenda and checklist of a valid pack whose exercises all exist."""
    breaks_after = {pause.after: pause for pause in pack.breaks}
    slots: list[Slot] = []
    now, elapsed, open_ended = pack.start, 0, False
    exercises = tuple(library.entries[exercise_id] for exercise_id in pack.exercises)
    for entry in exercises:
        exercise: Exercise = entry.item
        minutes = exercise.time.minutes
        later = open_ended
        open_ended = open_ended or exercise.time.at_least
        elapsed += minutes
        slots.append(
            Slot(exercise_heading(exercise), now, minutes, exercise.time.at_least, later, elapsed, open_ended, entry)
        )
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
    return PackPlan(pack, tuple(slots), exercises, checklist(exercises), first_shown, labels)


_GUIDE_PAGE = re.compile(r"\bpages? \d")
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


def pack_problems(pack: Pack, library: Library) -> Iterator[tuple[tuple, str]]:
    """Where a pack contradicts itself, as ``(location in the pack, message)``.

    Exercises that do not exist are reported where references are checked; here they are skipped.
    """
    first_at: dict[str, int] = {}
    for index, exercise_id in enumerate(pack.exercises):
        if exercise_id in first_at:
            yield (
                ("exercises", index),
                (
                    f"'{exercise_id}' is already in this pack at exercises[{first_at[exercise_id] + 1}]; "
                    "an exercise runs once"
                ),
            )
        first_at.setdefault(exercise_id, index)
    break_at: dict[str, int] = {}
    for index, pause in enumerate(pack.breaks):
        where = ("breaks", index, "after")
        break_at.setdefault(pause.after, index)
        if pause.after not in library.entries:
            continue  # reported where references are checked
        if pause.after not in first_at:
            guess = difflib.get_close_matches(pause.after, list(first_at), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            yield where, f"'{pause.after}' is not one of this pack's exercises{hint}"
        elif first_at[pause.after] == len(pack.exercises) - 1:
            yield where, f"'{pause.after}' is the last exercise, and a pack does not end with a break"
        elif break_at[pause.after] != index:
            yield where, f"there is already a break after '{pause.after}' at breaks[{break_at[pause.after] + 1}]"
    found = [library.entries.get(exercise_id) for exercise_id in pack.exercises]
    minutes = sum(entry.item.time.minutes for entry in found if entry and isinstance(entry.item, Exercise))
    end = pack.start + minutes + sum(pause.minutes for pause in pack.breaks)
    if end >= MINUTES_IN_A_DAY:
        yield ("start",), f"the pack would end at {clock(end % MINUTES_IN_A_DAY)} the next day; start it earlier"


# --- packs on demand -----------------------------------------------------------


class UsageError(Exception):
    """A command-line argument that cannot be used; ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message


def find_exercise(library: Library, wanted: str, option: str) -> Entry:
    """An exercise by id, or by its number (``3``)."""
    exercises = [entry for entry in library.entries.values() if isinstance(entry.item, Exercise)]
    for entry in exercises:
        if wanted == entry.id or wanted == str(entry.item.number):
            return entry
    guess = difflib.get_close_matches(wanted, [entry.id for entry in exercises], n=1, cutoff=0.5)
    hint = f"; did you mean '{guess[0]}'?" if guess else " (give an exercise's id, or its number)"
    raise UsageError(option, f"unknown exercise '{wanted}'{hint}")


def parse_break(library: Library, text: str) -> tuple[Entry, int]:
    """``ID:MINUTES`` (or ``NUMBER:MINUTES``) → the exercise and the break's length."""
    exercise, colon, minutes = text.rpartition(":")
    if not colon or not exercise or not re.fullmatch(r"[1-9][0-9]{0,2}", minutes) or int(minutes) > 180:
        raise UsageError(
            "--break-after",
            f"expected EXERCISE:MINUTES such as 3:15 or exercise-3-challenges-of-getting-outcomes-into-practice:15 "
            f"(at most 180 minutes), not '{text}'",
        )
    return find_exercise(library, exercise, "--break-after"), int(minutes)


def parse_start(text: str) -> str:
    """The start time exactly as a pack file would need it, or a usage error with the same words."""
    try:
        TypeAdapter(ClockTime).validate_python(text)
    except ValidationError as error:
        raise UsageError("--start", str(error.errors()[0]["ctx"]["error"])) from None
    return text


def pack_from_choice(
    library: Library,
    exercises: list[Entry],
    breaks: list[tuple[Entry, int]],
    *,
    title: str,
    start: str,
    audience: str,
    summary: str,
) -> Pack:
    """A pack made on the command line, checked as strictly as one in content/packs/."""
    source = exercises[0].item.source
    try:
        pack = Pack.model_validate(
            {
                "title": title,
                "summary": summary,
                "audience": audience,
                "start": start,
                "exercises": [entry.id for entry in exercises],
                "breaks": [{"after": entry.id, "minutes": str(minutes)} for entry, minutes in breaks],
                "source": SourceRef(
                    document=source.document, section=exercises_named([entry.item.number for entry in exercises])
                ).model_dump(exclude_none=True),
            }
        )
    except ValidationError as error:
        first = error.errors()[0]
        message = "must not be empty" if first["type"] == "string_too_short" else first["msg"]
        raise UsageError(f"--{first['loc'][0]}", message) from None
    for loc, message in pack_problems(pack, library):
        option = {"exercises": "--exercise", "breaks": "--break-after", "start": "--start"}[loc[0]]
        raise UsageError(option, message)
    return pack


# --- choosing from the training-priorities audit --------------------------------


@dataclass(frozen=True)
class AuditChoice:
    """The exercises chosen for the needs rated highest, and what was left out and why."""

    exercises: tuple[Entry, ...]
    chosen_for: dict[str, str]
    left_out: tuple[str, ...]
    minutes_used: int


def read_ratings(file: Path, display: str, audit: Audit) -> list[int]:
    """The rating of each of the audit's needs, in the audit's order, from ``need: rating`` lines."""
    from hub.yamlload import load_yaml

    document, problems = load_yaml(file, display)
    if document is None:
        raise ContentError(problems)
    needs = [need.need for need in audit.needs]
    top = len(audit.scale)
    expected = f"a rating from 1 (low) to {top} (high)"
    root = document.root
    if not isinstance(root, MappingNode):
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        message = f"expected each of the audit's needs with its rating (need: 1 to {top}), one a line"
        raise ContentError([Problem(display, line, column, "", message)])
    ratings: dict[str, int] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, ScalarNode) else ""
        at = (key.start_mark.line + 1, key.start_mark.column + 1)
        if name not in needs:
            guess = difflib.get_close_matches(name, needs, n=1, cutoff=0.5)
            hint = f"; did you mean '{guess[0]}'?" if guess else f" (the needs are those of the audit '{AUDIT_ID}')"
            problems.append(Problem(display, *at, name, f"unknown need{hint}"))
            continue
        text = value.value if isinstance(value, ScalarNode) else None
        if text is None or not re.fullmatch(r"[1-9][0-9]*", text) or int(text) > top:
            shown = f"'{text}'" if isinstance(text, str) else "a list" if value.id == "sequence" else "a set of fields"
            where = (value.start_mark.line + 1, value.start_mark.column + 1)
            problems.append(Problem(display, *where, name, f"expected {expected}, not {shown}"))
            continue
        ratings[name] = int(text)
    start = (root.start_mark.line + 1, root.start_mark.column + 1)
    for need in needs:
        if need not in ratings and not any(p.field == need for p in problems):
            problems.append(Problem(display, *start, need, f"is not rated; give it {expected}"))
    if problems:
        raise ContentError(problems)
    return [ratings[need] for need in needs]


def choose_from_audit(audit: Audit, ratings: list[int], budget: int, library: Library) -> AuditChoice:
    """Exercises for the needs rated highest (ties in the audit's order) while they fit in ``budget`` minutes.

    Needs rated 1, the bottom of the scale, are not training priorities. The exercises run in the guide's order.
    """
    chosen: dict[str, str] = {}
    considered: set[str] = set()
    left_out: list[str] = []
    used = 0
    for index in sorted(range(len(audit.needs)), key=lambda i: -ratings[i]):
        need, rating = audit.needs[index], ratings[index]
        label = f"'{need.need}' (rated {rating})"
        if rating <= 1:
            left_out.append(f"{label}: rated low, so not a training priority")
            continue
        if not need.exercises:
            left_out.append(f"{label}: the audit points to no exercise in the hub ({need.priority_sections})")
        for exercise_id in need.exercises:
            if exercise_id in considered:
                continue
            considered.add(exercise_id)
            exercise: Exercise = library.entries[exercise_id].item
            minutes = exercise.time.minutes
            length = ("at least " if exercise.time.at_least else "") + duration(minutes)
            if used + minutes <= budget:
                chosen[exercise_id] = label
                used += minutes
            else:
                room = (
                    f"only {duration(budget - used)} of the {duration(budget)} is left"
                    if used < budget
                    else (f"all {duration(budget)} is taken")
                )
                left_out.append(f"{exercise_heading(exercise)} ({length}), for {label}: it does not fit; {room}")
    exercises = sorted((library.entries[i] for i in chosen), key=lambda entry: entry.item.number)
    return AuditChoice(tuple(exercises), chosen, tuple(left_out), used)


# --- the `pack` command ----------------------------------------------------------


@dataclass(frozen=True)
class PackRequest:
    """What `build.py pack` was asked for; exactly one of ``exercises`` and ``ratings`` is given."""

    exercises: list[str]
    breaks: list[str]
    ratings: Path | None
    minutes: int | None
    start: str
    title: str | None
    audience: str
    output: Path
    paper: Paper


@dataclass(frozen=True)
class PackOutcome:
    output: Path
    plan: PackPlan
    choice: AuditChoice | None


def make_pack(project: Path, request: PackRequest) -> PackOutcome:
    """Check the request against the content, then print the pack to ``request.output``.

    Raises UsageError for arguments that cannot be used and ContentError for problems in files.
    """
    from hub.content import load_library
    from hub.pdf import Printer
    from hub.pipeline import build_date, read_site_config
    from hub.print_products import PrintProducts
    from hub.render import make_environment, template_context

    start = parse_start(request.start)
    if request.title is not None and not request.title.strip():
        raise UsageError("--title", "must not be empty")
    library = load_library(project)
    choice = None
    if request.ratings is not None:
        choice = _choose(library, request)
        exercises, breaks = list(choice.exercises), []
        audit = library.entries[AUDIT_ID].item
        title = request.title or "A workshop for your training priorities"
        summary = (
            f"The exercises that *{audit.title}* points to for the needs your team rated highest, "
            f"within {duration(request.minutes or 0)}."
        )
    else:
        exercises = [find_exercise(library, wanted, "--exercise") for wanted in request.exercises]
        breaks = [parse_break(library, text) for text in request.breaks]
        title = request.title or f"Workshop: {exercises_named([entry.item.number for entry in exercises])}"
        summary = f"A workshop of {len(exercises)} exercise{'s' if len(exercises) > 1 else ''} chosen for your team."
    pack = pack_from_choice(
        library, exercises, breaks, title=title, start=start, audience=request.audience, summary=summary
    )
    config = read_site_config(project)
    site_url = (config.get("site_url") or "").rstrip("/") + "/"
    environment = make_environment(project / "templates")
    common = template_context(library, build_date(), site_url, PrintProducts(library), request.paper)
    html = environment.get_template("print/pack.workshop.html.j2").render(
        common, item=pack, page_url=site_url + PACKS_PAGE
    )
    printer = Printer(project, project / ".cache" / "pdf")
    printer.print_pdf(html, request.output, f"the pack for {request.output}")
    return PackOutcome(request.output, plan_pack(pack, library), choice)


def _choose(library: Library, request: PackRequest) -> AuditChoice:
    ratings_file = request.ratings
    assert ratings_file is not None
    if not ratings_file.is_file():
        raise UsageError("--audit", f"cannot read '{ratings_file}': no such file")
    audit = library.entries[AUDIT_ID].item
    ratings = read_ratings(ratings_file, str(ratings_file), audit)
    if all(rating <= 1 for rating in ratings):
        raise ContentError([Problem(str(ratings_file), 1, 1, "", "every need is rated 1 (low), so none is a priority")])
    choice = choose_from_audit(audit, ratings, request.minutes or 0, library)
    if not choice.exercises:
        shortest = (
            min(
                library.entries[exercise].item.time.minutes
                for need, rating in zip(audit.needs, ratings, strict=True)
                if rating > 1
                for exercise in need.exercises
            )
            if any(rating > 1 and need.exercises for need, rating in zip(audit.needs, ratings, strict=True))
            else 0
        )
        raise UsageError(
            "--minutes",
            f"no exercise fits in {duration(request.minutes or 0)}; "
            f"the shortest the ratings point to needs {duration(shortest)}",
        )
    return choice


def add_pack_arguments(parser: argparse.ArgumentParser) -> None:
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="an exercise's id or number; repeat it for each exercise, in the order to run them",
    )
    chosen.add_argument(  # issue 13: a session planned on the site (hub/plan_pack.py)
        "--plan",
        metavar="ADDRESS",
        help="the address of a plan made on the site's session planner (exercises/plan/#...); "
        "it gives the exercises, times and title",
    )
    chosen.add_argument(
        "--audit",
        metavar="RATINGS.yml",
        type=Path,
        help="rate each need of the training-priorities audit from 1 to 5 (need: rating, one a line), "
        "and the pack holds the exercises for the needs rated highest",
    )
    parser.add_argument("--minutes", type=int, metavar="N", help="with --audit: the time the workshop may take")
    parser.add_argument("--start", default="09:30", metavar="HH:MM", help="when it starts (default: 09:30)")
    parser.add_argument(
        "--break-after",
        action="append",
        default=[],
        metavar="ID:MINUTES",
        help="a break after that exercise, for that many minutes; repeat for more breaks",
    )
    parser.add_argument("--title", help="the pack's title")
    parser.add_argument("--audience", default="Team leaders and their teams", help="who the workshop is for")
    parser.add_argument("-o", "--output", type=Path, default=Path("pack.pdf"), help="the PDF to write (pack.pdf)")
    parser.set_defaults(fail=parser.error)


def run_pack(project: Path, args: argparse.Namespace, paper: Paper) -> int:
    """`build.py pack`: print a pack, say what is in it (and, from an audit, what was left out and why)."""
    if args.plan is not None:  # issue 13: a session planned on the site (hub/plan_pack.py)
        from hub.plan_pack import run_plan_pack

        return run_plan_pack(project, args, paper)
    try:
        if args.audit is not None and args.minutes is None:
            raise UsageError("--minutes", "is needed with --audit: how many minutes may the workshop take?")
        if args.audit is None and args.minutes is not None:
            raise UsageError("--minutes", "goes with --audit; with --exercise the exercises set the time")
        if args.audit is not None and args.break_after:
            raise UsageError("--break-after", "goes with --exercise; with --audit the exercises are chosen for you")
        if args.minutes is not None and not 1 <= args.minutes <= MINUTES_IN_A_DAY:
            raise UsageError("--minutes", f"expected a number of minutes from 1 to {MINUTES_IN_A_DAY}")
        request = PackRequest(
            args.exercise or [],
            args.break_after,
            args.audit,
            args.minutes,
            args.start,
            args.title,
            args.audience,
            args.output,
            paper,
        )
        outcome = make_pack(project, request)
    except UsageError as error:
        args.fail(f"argument {error.option}: {error.message}")
    plan = outcome.plan
    if outcome.choice is not None:
        print(f"Chosen from {args.audit} for the needs rated highest, within {duration(args.minutes)}:")
        for entry in outcome.choice.exercises:
            slot = plan.slot_of(entry)
            print(f"  {slot.title} ({slot.length_text}), for {outcome.choice.chosen_for[entry.id]}")
        print("Left out:" if outcome.choice.left_out else "Left out: nothing.")
        for reason in outcome.choice.left_out:
            print(f"  {reason}")
    count = len(plan.exercises)
    print(
        f"Wrote {outcome.output}: {count} exercise{'s' if count != 1 else ''}, "
        f"{plan.start_text} to {plan.end_text} ({plan.total_text})."
    )
    return 0
