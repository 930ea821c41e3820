"""hub.words: hints, counts, clock times and lengths, worded once for every message."""

from __future__ import annotations

import pytest

from hub.words import clock, did_you_mean, duration, exercise_length, length_said, numbers_named, plural


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


def test_an_exercises_length_is_worded_as_its_facts_give_it() -> None:
    assert exercise_length(45, True) == "At least 45 minutes"
    assert exercise_length(60, False) == "About 60 minutes"
    assert exercise_length(1, False) == "About 1 minute"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Spend at least 45 minutes", (45, True)),
        ("Spend about an hour on this", (60, False)),
        ("Spend  at least 20 minutes.", (20, True)),
        ("Spend half an hour", (30, False)),
        ("About 2 hours", (120, False)),
        ("Spend at least 45 minutes, in pairs", None),
        ("Spend a morning on this", None),
        ("Allow time for a break", None),
    ],
)
def test_a_sentence_that_only_gives_a_length_is_read_as_one(text: str, said: tuple[int, bool] | None) -> None:
    assert length_said(text) == said
