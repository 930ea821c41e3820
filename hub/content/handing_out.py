"""Rules for material handed out during an exercise (``hand_out``): only an exercise's, at one of its steps."""

from __future__ import annotations

from collections.abc import Iterator

from hub.content.schemas import Comparison, Exercise, HandOut, Item
from hub.words import plural


def _hand_outs(item: Item) -> Iterator[tuple[tuple, HandOut]]:
    for index, block in enumerate(getattr(item, "training_materials", [])):
        if block.hand_out:
            yield ("training_materials", index, "hand_out"), block.hand_out
    if isinstance(item, Exercise):
        for index, comparison in enumerate(item.comparisons):
            if not isinstance(comparison, str):
                yield ("comparisons", index, "hand_out"), comparison.hand_out


def hand_out_problems(item: Item) -> Iterator[tuple[tuple, str]]:
    """Where ``hand_out`` is misplaced or names a step the exercise does not have, as ``(location, message)``."""
    for index, block in enumerate(getattr(item, "body", [])):
        if block.hand_out:
            yield ("body", index, "hand_out"), "only an exercise's training materials are handed out during it"
    if isinstance(item, Comparison) and item.table.hand_out:
        message = "a comparison's table is handed out by the exercise that uses it (its comparisons entry)"
        yield ("table", "hand_out"), message
    if isinstance(item, Exercise):
        steps = len(item.instructions)
        for loc, hand_out in _hand_outs(item):
            if hand_out.at_step > steps:
                message = f"there is no step {hand_out.at_step}: the exercise has {plural(steps, 'step')}"
                yield (*loc, "at_step"), message
