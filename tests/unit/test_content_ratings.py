"""hub.content.ratings: one reader for the audit's and the star's ratings files, one error style."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.content.ratings import ScoreSheet, read_ratings
from hub.problems import ContentError

AUDIT = ScoreSheet(("Listening well", "Recording"), "need", 5, "a rating from 1 (low) to 5 (high)",
                   known_as=" (the needs are those of the audit 'training-priorities')")  # fmt: skip
STAR = ScoreSheet(("values", "identity", "outcomes"), "point", 10, "a score from 1 to 10", whole_numbers=False,
                  max_readings=2, known_as=" (the points are: values, identity, outcomes)")  # fmt: skip


def problems(tmp_path: Path, text: str, sheet: ScoreSheet) -> list[str]:
    file = tmp_path / "ratings.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_ratings(file, "ratings.yml", sheet)
    return [str(problem) for problem in error.value.problems]


def test_one_reading(tmp_path: Path) -> None:
    file = tmp_path / "ratings.yml"
    file.write_text("Listening well: 4\nRecording: 2\n", encoding="utf-8")
    found = read_ratings(file, "ratings.yml", AUDIT)
    assert found.title is None and found.readings == (("", {"Listening well": 4, "Recording": 2}),)


def test_two_readings_with_a_title(tmp_path: Path) -> None:
    file = tmp_path / "ratings.yml"
    file.write_text(
        "title: Our team\nreadings:\n"
        "  - label: Before\n    scores: {values: 3, identity: 4.5, outcomes: 2}\n"
        "  - label: After\n    scores: {values: 6, identity: 7, outcomes: 5}\n",
        encoding="utf-8",
    )
    found = read_ratings(file, "ratings.yml", STAR)
    assert found.title == "Our team"
    assert [label for label, _ in found.readings] == ["Before", "After"]
    assert found.readings[0][1]["identity"] == 4.5


def test_every_problem_at_once_with_its_place(tmp_path: Path) -> None:
    assert problems(tmp_path, "Listenng well: 4\nRecording: high\n", AUDIT) == [
        "ratings.yml:1:1: Listening well: is not rated; give it a rating from 1 (low) to 5 (high)",
        "ratings.yml:1:1: Listenng well: unknown need; did you mean 'Listening well'?",
        "ratings.yml:2:12: Recording: expected a rating from 1 (low) to 5 (high), not 'high'",
    ]


def test_the_same_style_for_the_star(tmp_path: Path) -> None:
    assert problems(tmp_path, "values: 6\nidentity: 12\noutcome: 7\n", STAR) == [
        "ratings.yml:1:1: outcomes: is not rated; give it a score from 1 to 10",
        "ratings.yml:2:11: identity: expected a score from 1 to 10, not '12'",
        "ratings.yml:3:1: outcome: unknown point; did you mean 'outcomes'?",
    ]


def test_too_many_readings_and_unknown_fields(tmp_path: Path) -> None:
    reading = "  - label: R\n    scores: {values: 1, identity: 1, outcomes: 1}\n"
    found = problems(tmp_path, "titel: x\nreadings:\n" + reading * 3, STAR)
    assert found == [
        "ratings.yml:1:1: titel: unknown field 'titel'; did you mean 'title'?",
        "ratings.yml:7:5: readings: at most 2 readings can be drawn",
    ]


def test_not_a_mapping(tmp_path: Path) -> None:
    assert problems(tmp_path, "- 1\n- 2\n", AUDIT) == [
        "ratings.yml:1:1: expected each need with its score (need: 1 to 5), one a line"
    ]


def test_a_guess_only_when_one_is_close(tmp_path: Path) -> None:
    found = problems(tmp_path, "Listening well: 4\nRecording: 2\nBudgets: 3\n", AUDIT)
    assert found == ["ratings.yml:3:1: Budgets: unknown need (the needs are those of the audit 'training-priorities')"]
