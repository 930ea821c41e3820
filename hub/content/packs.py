"""The rules a workshop pack must keep: each exercise once, breaks between its exercises, over by midnight."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.library import Library
from hub.content.schemas import Exercise, Pack
from hub.words import clock, did_you_mean

MINUTES_IN_A_DAY = 24 * 60


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
    found = [library.entries.get(exercise_id) for exercise_id in pack.exercises]
    minutes = sum(entry.item.time.minutes for entry in found if entry and isinstance(entry.item, Exercise))
    end = pack.start + minutes + sum(pause.minutes for pause in pack.breaks)
    if end >= MINUTES_IN_A_DAY:
        yield ("start",), f"the pack would end at {clock(end % MINUTES_IN_A_DAY)} the next day; start it earlier"
