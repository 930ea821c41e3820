"""hub.words: hints, counts, clock times and lengths, worded once for every message."""

from __future__ import annotations

import pytest

from hub.words import clock, did_you_mean, duration, numbers_named, plural


@pytest.mark.parametrize(
    ("name", "pool", "ids", "hint"),
    [
        ("valus", ["values", "identity"], False, "; did you mean 'values'?"),
        ("Co_Production", ["co-production", "values"], False, "; did you mean 'co-production'?"),
        ("learning outcomes", ["learning_outcomes", "title"], False, "; did you mean 'learning_outcomes'?"),
        ("zzz", ["values", "identity"], False, ""),
        ("exercise-9-keeping-going", ["exercise-6-risk-taking", "exercise-9-keeping-goin"], True,
         "; did you mean 'exercise-9-keeping-goin'?"),
        ("sandar", ["sandra", "catriona"], True, "; did you mean 'sandra'?"),
    ],
)  # fmt: skip
def test_did_you_mean(name: str, pool: list[str], ids: bool, hint: str) -> None:
    assert did_you_mean(name, pool, ids=ids) == hint


def test_a_stricter_cutoff_guesses_less() -> None:
    assert did_you_mean("vls", ["values"], cutoff=0.9) == ""


@pytest.mark.parametrize(("minutes", "text"), [(0, "00:00"), (570, "09:30"), (1439, "23:59")])
def test_clock(minutes: int, text: str) -> None:
    assert clock(minutes) == text


@pytest.mark.parametrize(("minutes", "text"), [(5, "5 min"), (60, "1 h"), (95, "1 h 35 min"), (360, "6 h")])
def test_duration(minutes: int, text: str) -> None:
    assert duration(minutes) == text


def test_plural_and_numbers_named() -> None:
    assert (plural(1, "problem"), plural(2, "problem"), plural(0, "entry", "entries")) == (
        "1 problem",
        "2 problems",
        "0 entries",
    )
    assert numbers_named([3]) == "Exercise 3"
    assert numbers_named([3, 7, 8]) == "Exercises 3, 7 and 8"
