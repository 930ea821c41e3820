"""`build.py pack`: a workshop pack of the exercises you choose, or from training-priorities ratings."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from hub.cli.arguments import pdf_output
from hub.cli.say import say
from hub.content.characters import font_coverage, why_unprintable
from hub.content.library import Library
from hub.content.packs import MINUTES_IN_A_DAY
from hub.content.ratings import read_ratings
from hub.model.agenda import PackPlan, plan_pack
from hub.model.custom_pack import (
    AUDIT_ID,
    AuditChoice,
    audit_sheet,
    choose_from_audit,
    least_times,
    pack_from_choice,
    parse_break,
    parse_exercise,
    parse_start,
)
from hub.problems import ContentError, Problem, UsageError
from hub.settings import Settings
from hub.words import duration, numbers_named, plural


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
    participants: Path | None = None


@dataclass(frozen=True)
class PackOutcome:
    output: Path
    plan: PackPlan
    choice: AuditChoice | None


def make_pack(settings: Settings, request: PackRequest) -> PackOutcome:
    """Check the request against the content, then print the pack to ``request.output``.

    Raises UsageError for arguments that cannot be used and ContentError for problems in files.
    """
    from hub.pipeline import print_one, read
    from hub.render.formats.workshop_packs import made_to_order

    start = parse_start(request.start)
    if request.title is not None and not request.title.strip():
        raise UsageError("--title", "must not be empty")
    for option, text in (("--title", request.title), ("--audience", request.audience)):
        problem = why_unprintable(text or "", font_coverage(settings.paths.project))
        if problem:
            raise UsageError(option, problem)
    model = read(settings)
    library = model.library
    choice = None
    if request.ratings is not None:
        choice = _choose(library, request)
        exercises, breaks, lengths = list(choice.exercises), [], {}
        audit = library.entries[AUDIT_ID].item
        title = request.title or "A workshop for your training priorities"
        summary = (
            f"The exercises that *{audit.title}* points to for the needs your team rated highest, "
            f"within {duration(request.minutes or 0)}."
        )
    else:
        chosen = [parse_exercise(library, wanted) for wanted in request.exercises]
        exercises = [entry for entry, _ in chosen]
        lengths = {entry.id: minutes for entry, minutes in chosen if minutes is not None}
        breaks = [parse_break(library, text) for text in request.breaks]
        title = request.title or f"Workshop: {numbers_named([entry.item.number for entry in exercises])}"
        summary = f"A workshop of {plural(len(exercises), 'exercise')} chosen for your team."
    filled = least_times(exercises, lengths)
    pack = pack_from_choice(
        library, exercises, breaks, title=title, start=start, audience=request.audience, summary=summary,
        lengths=filled,
    )  # fmt: skip
    plan = plan_pack(pack, library, tuple(exercise_id for exercise_id in filled if exercise_id not in lengths))
    print_one(settings, model, made_to_order(pack, plan, f"the pack for {request.output}"), request.output)
    if request.participants is not None:
        label = f"the participant set for {request.participants}"
        print_one(settings, model, made_to_order(pack, plan, label, participants=True), request.participants)
    return PackOutcome(request.output, plan, choice)


def _choose(library: Library, request: PackRequest) -> AuditChoice:
    ratings_file = request.ratings
    assert ratings_file is not None
    if not ratings_file.is_file():
        raise UsageError("--audit", f"cannot read '{ratings_file}': no such file")
    audit = library.entries[AUDIT_ID].item
    sheet = audit_sheet(audit)
    scores = read_ratings(ratings_file, str(ratings_file), sheet).readings[0][1]
    ratings = [int(scores[need]) for need in sheet.names]
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
        metavar="ID[:MINUTES]",
        help="an exercise's id or number; repeat it for each exercise, in the order to run them. "
        'Where the guide gives it "at least" a time, :MINUTES sets its length (6:60; not below that time), '
        "else it is given that least time, so the agenda's times are fixed ones",
    )
    chosen.add_argument(
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
    parser.add_argument(
        "-o", "--output", type=pdf_output, default="pack.pdf", metavar="PDF", help="the PDF to write (pack.pdf)"
    )
    parser.add_argument(
        "--participants",
        type=pdf_output,
        metavar="PDF",
        help="also write the participant set: the participant materials alone, one PDF to photocopy for each "
        "person, each exercise on a fresh sheet",
    )


def run_pack(settings: Settings, args: argparse.Namespace) -> int:
    """`build.py pack`: print a pack, say what is in it (and, from an audit, what was left out and why)."""
    if args.participants is not None and args.participants.resolve() == args.output.resolve():
        args.fail("argument --participants: is the file -o writes the pack to; give the participant set its own")
    if args.plan is not None:  # a session planned on the site: the same pack as the planner makes
        from hub.cli.plan_pack import run_plan_pack

        return run_plan_pack(settings, args)
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
            args.participants,
        )
        outcome = make_pack(settings, request)
    except UsageError as error:
        args.fail(str(error))
    plan = outcome.plan
    if outcome.choice is not None:
        say(f"Chosen from {args.audit} for the needs rated highest, within {duration(args.minutes)}:")
        for entry in outcome.choice.exercises:
            time = entry.item.time  # the guide's time, as for those left out
            length = ("at least " if time.at_least else "") + duration(time.minutes)
            say(f"  {plan.slot_of(entry).title} ({length}), for {outcome.choice.chosen_for[entry.id]}")
        say("Left out:" if outcome.choice.left_out else "Left out: nothing.")
        say(*(f"  {reason}" for reason in outcome.choice.left_out))
    for entry in plan.exercises:
        if entry.id in plan.least_given:
            number = entry.item.number
            how = "name it as" if outcome.choice is None else "make the pack with --exercise"
            least = duration(entry.item.time.minutes)
            say(f"Exercise {number} is given its least time, {least}; to give it longer, {how} {number}:MINUTES.")
    count = len(plan.exercises)
    say(
        f"Wrote {outcome.output}: {count} exercise{'s' if count != 1 else ''}, "
        f"{plan.start_text} to {plan.end_text} ({plan.total_text})."
    )
    if args.participants is not None:
        say(f"Wrote {args.participants}: the participant set, to photocopy one for each person.")
    return 0
