"""The rules a workshop pack must keep: each exercise once, breaks between its exercises, over by midnight."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.library import Library
from hub.content.schemas import Exercise, Pack
from hub.words import clock, did_you_mean

MINUTES_IN_A_DAY = 24 * 60


def exercise_minutes(pack: Pack, exercise_id: str, exercise: Exercise) -> tuple[int, bool]:
    """How long an exercise runs in ``pack``, and whether that is only the least time the guide gives it.

    An exercise the guide gives "at least" a time runs for the length the pack sets it, if any, and the
    clock times after it are then fixed ones; otherwise for the guide's time.
    """
    if exercise_id in pack.lengths and exercise.time.at_least:
        return pack.lengths[exercise_id], False
    return exercise.time.minutes, exercise.time.at_least


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
            hint = did_you_mean(pause.after, list(first_at))
            yield where, f"'{pause.after}' is not one of this pack's exercises{hint}"
        elif first_at[pause.after] == len(pack.exercises) - 1:
            yield where, f"'{pause.after}' is the last exercise, and a pack does not end with a break"
        elif break_at[pause.after] != index:
            yield where, f"there is already a break after '{pause.after}' at breaks[{break_at[pause.after] + 1}]"
    yield from _length_problems(pack, library, first_at)
    found = [(exercise_id, library.entries.get(exercise_id)) for exercise_id in pack.exercises]
    minutes = sum(
        exercise_minutes(pack, exercise_id, entry.item)[0]
        for exercise_id, entry in found
        if entry and isinstance(entry.item, Exercise)
    )
    end = pack.start + minutes + sum(pause.minutes for pause in pack.breaks)
    if end >= MINUTES_IN_A_DAY:
        yield ("start",), f"the pack would end at {clock(end % MINUTES_IN_A_DAY)} the next day; start it earlier"


def _length_problems(pack: Pack, library: Library, first_at: dict[str, int]) -> Iterator[tuple[tuple, str]]:
    """A length is for an exercise of the pack that the guide gives "at least" a time, and not below that time."""
    for exercise_id, minutes in pack.lengths.items():
        where = ("lengths", exercise_id)
        entry = library.entries.get(exercise_id)
        if exercise_id not in first_at:
            hint = did_you_mean(exercise_id, list(first_at))
            yield where, f"'{exercise_id}' is not one of this pack's exercises, and a length is for one it runs{hint}"
        elif entry is None or not isinstance(entry.item, Exercise):
            continue  # reported where references are checked
        elif not entry.item.time.at_least:
            yield (
                where,
                f"the guide gives '{exercise_id}' about {entry.item.time.minutes} minutes, not \"at least\" a time; "
                "only an exercise with a least time is given a length",
            )
        elif minutes < entry.item.time.minutes:
            yield (
                where,
                f"{minutes} minutes is less than the guide's least time for '{exercise_id}', "
                f"at least {entry.item.time.minutes} minutes",
            )
