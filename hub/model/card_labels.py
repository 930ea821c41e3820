"""How the cards of a deck are labelled: one scheme for where a scenario is in the guide, and one label a card.

A card's label is its heading (a scenario's name, a principle's name or number); every card of a deck has its
own, which hub/model/cards.py checks when the decks are planned (so at ``build.py check`` time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hub.content.schemas import Scenario

_SECTION_NUMBER = re.compile(r"(?:^|, )(\d+(?:\.\d+)+) ")


def scenario_place(scenario: Scenario, used_by: Sequence[int] = ()) -> str:
    """Where in the guide a scenario is, in one scheme: ``Exercise 5`` for the exercise that uses it, else the
    numbered section it is printed in (``Section 2.3``), else the section as the source names it."""
    if used_by:
        return f"Exercise {min(used_by)}"
    numbered = _SECTION_NUMBER.search(scenario.source.section)
    if numbered:
        return f"Section {numbered[1]}"
    return scenario.source.section.rsplit(", ", 1)[-1]


def scenario_kicker(scenario: Scenario, used_by: Sequence[int] = ()) -> str:
    """A scenario card's kicker: where it is in the guide and its number there, ``Exercise 5 · Scenario 1``.

    The card's label (its heading) is the scenario's name, which is unique, where the guide's numbers repeat:
    the guide's section 2.3 and its Exercise 5 each have a "Scenario 1"."""
    number = scenario.label.split(":", 1)[0].strip() if ":" in scenario.label else ""
    place = scenario_place(scenario, used_by)
    return f"{place} · {number}" if number else place
