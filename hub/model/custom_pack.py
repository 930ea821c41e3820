"""Packs made to order: exercises chosen on the command line, or for the needs a team rated highest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from hub.content.library import Entry, Library
from hub.content.packs import pack_problems
from hub.content.ratings import ScoreSheet
from hub.content.schemas import Audit, ClockTime, Exercise, Pack, PackLength, SourceRef
from hub.model.agenda import exercise_heading
from hub.problems import UsageError
from hub.words import did_you_mean, duration, numbers_named

AUDIT_ID = "training-priorities"


def audit_sheet(audit: Audit) -> ScoreSheet:
    """What a ratings file for the audit rates: each of its needs, from 1 (low) to the top of its scale."""
    top = len(audit.scale)
    return ScoreSheet(
        tuple(need.need for need in audit.needs),
        "need",
        top,
        f"a rating from 1 (low) to {top} (high)",
        known_as=f" (the needs are those of the audit '{AUDIT_ID}')",
    )


def find_exercise(library: Library, wanted: str, option: str) -> Entry:
    """An exercise by id, or by its number (``3``)."""
    exercises = [entry for entry in library.entries.values() if isinstance(entry.item, Exercise)]
    for entry in exercises:
        if wanted == entry.id or wanted == str(entry.item.number):
            return entry
    hint = (
        did_you_mean(wanted, [entry.id for entry in exercises], cutoff=0.5) or " (give an exercise's id, or its number)"
    )
    raise UsageError(option, f"unknown exercise '{wanted}'{hint}")


def parse_exercise(library: Library, text: str) -> tuple[Entry, int | None]:
    """``ID``, ``NUMBER``, or either with the length to give it: ``6:60``, or ``ID.MINUTES`` as the planner's
    address writes it (``exercise-6-risk-taking.60``) → the exercise and the length, if one is given."""
    exercise, mark, minutes = text.rpartition(":" if ":" in text else ".")
    if not mark:
        return find_exercise(library, text, "--exercise"), None
    if not exercise or not re.fullmatch(r"[0-9]{1,4}", minutes):
        raise UsageError(
            "--exercise",
            f"expected an exercise's id or number, or EXERCISE:MINUTES to give it a length, such as 6:60 or "
            f"exercise-6-risk-taking:60, not '{text}'",
        )
    entry = find_exercise(library, exercise, "--exercise")
    try:
        return entry, TypeAdapter(PackLength).validate_python(minutes)
    except ValidationError as error:  # the words of a pack file's `lengths` (hub/content/locate.py)
        problem = error.errors()[0]
        bound = {"greater_than": "more than", "less_than_equal": "at most"}[problem["type"]]
        limit = next(iter(problem["ctx"].values()))
        raise UsageError("--exercise", f"the length in '{text}' must be {bound} {limit} minutes") from None


def least_times(exercises: list[Entry], lengths: dict[str, int]) -> dict[str, int]:
    """The lengths of a pack made to order: those given, and for each other exercise the guide gives "at least"
    a time, that least time, so that every clock time of its agenda is a fixed one to book a room by."""
    return {
        entry.id: lengths.get(entry.id, entry.item.time.minutes)
        for entry in exercises
        if entry.id in lengths or entry.item.time.at_least
    }


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
    lengths: dict[str, int] | None = None,
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
                "lengths": {exercise_id: str(minutes) for exercise_id, minutes in (lengths or {}).items()},
                "source": SourceRef(
                    document=source.document, section=numbers_named([entry.item.number for entry in exercises])
                ).model_dump(exclude_none=True),
            }
        )
    except ValidationError as error:
        first = error.errors()[0]
        message = "must not be empty" if first["type"] == "string_too_short" else first["msg"]
        option = "--exercise" if first["loc"][0] == "lengths" else f"--{first['loc'][0]}"
        raise UsageError(option, message) from None
    for loc, message in pack_problems(pack, library):
        option = {"exercises": "--exercise", "breaks": "--break-after", "start": "--start"}.get(loc[0], "--exercise")
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
