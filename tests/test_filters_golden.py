"""The catalogue filters: one specification, tests/golden/filters.json, for the words the build gives each
catalogue page (hub/render/formats/catalogues.py, with hub.words) and for what the browser makes of them
(docs/assets/javascripts/catalogue-filters.js, run under node --test by tests/catalogue_filters.test.js)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from hub.content import load_library
from hub.render.formats.catalogues import Choice, FilterChoices, catalogue_record, length_text
from hub.words import numbers_named

REPO = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((REPO / "tests/golden/filters.json").read_text(encoding="utf-8"))
EXERCISES = next(catalogue for catalogue in GOLDEN["catalogues"] if catalogue["name"] == "exercises")


def test_lengths_and_names_are_worded_as_the_golden_cases() -> None:
    for minutes, at_least, text in GOLDEN["lengths"]:
        assert length_text(minutes, at_least) == text
    for minutes, label, words in GOLDEN["choices"]["lengths"]:
        assert Choice.length(minutes) == Choice(str(minutes), label, words)
    for part, label, words in GOLDEN["choices"]["parts"]:
        assert Choice.part(part) == Choice(str(part), label, words)
    for numbers, noun, text in GOLDEN["numbers"]:
        assert numbers_named(numbers, noun) == text


def test_every_golden_exercise_has_the_length_the_build_would_give_it() -> None:
    for item in EXERCISES["items"]:
        assert item["length"] == length_text(int(item["values"]["minutes"]), item["atLeast"]), item["id"]
    filters = {filter_["name"]: filter_ for filter_ in EXERCISES["filters"]}
    for option in filters["minutes"]["options"]:
        assert Choice.length(int(option["value"])) == Choice(option["value"], option["label"], option["words"])
    for option in filters["part"]["options"]:
        assert Choice.part(int(option["value"])) == Choice(option["value"], option["label"], option["words"])


def test_the_golden_exercises_are_the_hubs_own() -> None:
    """Exercises 1 to 8 of the golden cases are the real ones, with the choices the real catalogue offers."""
    library = load_library(REPO)
    entries = [entry for entry in library.entries.values() if entry.kind.name == "exercise"]
    golden = {item["number"]: item for item in EXERCISES["items"]}
    for entry in entries:
        record = catalogue_record(entry, library, [])
        item = golden[record["number"]]
        assert item["length"] == record["length"]
        assert item["values"] == {
            "minutes": str(record["minutes"]),
            "part": record["part"],
            "themes": record["themes"],
            "audience": record["audience"],
        }
    choices = FilterChoices.of(entries, library)
    filters = {filter_["name"]: filter_ for filter_ in EXERCISES["filters"]}
    offered = {name: {option["value"]: option for option in filters[name]["options"]} for name in filters}
    for choice in choices.minutes:
        assert offered["minutes"][choice.value] == {"value": choice.value, "label": choice.label, "words": choice.words}
    for choice in choices.parts:
        assert offered["part"][choice.value] == {"value": choice.value, "label": choice.label, "words": choice.words}
    for theme_id, theme in choices.themes:
        assert offered["themes"][theme_id]["words"] == theme.label


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_browser_passes_the_same_cases() -> None:
    done = subprocess.run(
        ["node", "--test", str(REPO / "tests/catalogue_filters.test.js")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
