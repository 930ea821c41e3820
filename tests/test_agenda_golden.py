"""The planner's plan and agenda: one specification, tests/golden/agenda.json, for the Python
(hub/session_plan.py, hub/session_agenda.py, and the packs' planning in hub/packs.py) and the
browser's JavaScript (docs/assets/javascripts/agenda.js, run under node --test)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from hub.content import load_library
from hub.content.packs import exercise_minutes
from hub.content.schemas import Pack
from hub.model.agenda import checklist as pack_checklist
from hub.model.agenda import plan_pack
from hub.model.session_agenda import agenda, checklist, refreshments_text, summary
from hub.model.session_plan import ExerciseFacts, Item, date_text, parse_plan, plan_address

REPO = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((REPO / "tests/golden/agenda.json").read_text(encoding="utf-8"))
EXERCISES = {
    e["id"]: ExerciseFacts(e["id"], e["number"], e["title"], e["minutes"], e["atLeast"]) for e in GOLDEN["exercises"]
}


def address_of(case: dict) -> str:
    generate = case.get("generate")
    if not generate:
        return case["address"]
    return "&".join(generate["repeat"].replace("{i}", str(i)) for i in range(generate["times"]))


@pytest.mark.parametrize("case", GOLDEN["addresses"], ids=lambda case: case["name"])
def test_addresses(case: dict) -> None:
    plan = parse_plan(address_of(case), EXERCISES)
    got = {
        "title": plan.title,
        "date": plan.date,
        "place": plan.place,
        "start": plan.start,
        "end": plan.end,
        "view": plan.view,
        "items": [[item.kind, item.minutes, item.title, item.exercise] for item in plan.items],
    }
    assert got == case["plan"]
    assert plan.messages == case["messages"]
    assert plan_address(plan) == case["canonical"]
    assert parse_plan(case["canonical"], EXERCISES).items == plan.items  # the written address reads back the same


@pytest.mark.parametrize("case", GOLDEN["agendas"], ids=lambda case: case["name"])
def test_agendas(case: dict) -> None:
    items = [Item(kind, minutes, title, ex, False, least) for kind, minutes, title, ex, least in case["items"]]
    rows = agenda(case["start"], items)
    assert [[row.start_text, row.title, row.length_text, row.elapsed_text] for row in rows] == case["rows"]
    said = summary(case["start"], rows, case["target"])
    assert [
        said.end_text,
        said.total_text,
        said.exercises,
        said.break_minutes,
        said.short_text,
        said.target_text,
        said.past_midnight,
        refreshments_text(rows),
    ] == [
        case["end"],
        case["total"],
        case["exercises"],
        case["breakMinutes"],
        case["short"],
        case["targetText"],
        case["pastMidnight"],
        case["refreshments"],
    ]


def test_checklists_and_dates() -> None:
    for case in GOLDEN["checklists"]:
        assert [list(pair) for pair in checklist(case["exercises"])] == case["expect"]
        entries = tuple(SimpleNamespace(item=SimpleNamespace(number=n, materials=m)) for n, m in case["exercises"])
        assert [[item.text, item.for_text] for item in pack_checklist(entries)] == case["expect"]  # hub/packs.py too
    for iso, text in GOLDEN["dates"]:
        assert date_text(iso) == text


@pytest.mark.parametrize("pack_id", ["two-hour-part-one", "full-day-part-two", "team-meeting-60-minutes"])
def test_the_packs_plan_their_agendas_by_the_same_rules(pack_id: str) -> None:
    """hub/model/agenda.py plans the shipped packs; the same items through hub/model/session_agenda.py give the
    same agenda, and so does the planner given the pack's address (the link on its page): the website shows the
    times the printed pack does, and they are fixed ones (no "or later"), to book lunch and the finish by."""
    library = load_library(REPO)
    pack: Pack = library.entries[pack_id].item
    breaks = {pause.after: pause for pause in pack.breaks}
    items = []
    for exercise_id in pack.exercises:
        exercise = library.entries[exercise_id].item
        title = f"Exercise {exercise.number}: {exercise.title}"
        minutes, at_least = exercise_minutes(pack, exercise_id, exercise)
        items.append(Item("ex", minutes, title, exercise_id, False, at_least))
        if exercise_id in breaks:
            items.append(Item("break", breaks[exercise_id].minutes, breaks[exercise_id].label, custom_title=True))
    plan = plan_pack(pack, library)
    printed = [(s.start_text, s.title, s.length_text, s.elapsed_text) for s in plan.slots]
    rows = agenda(pack.start, items)
    assert printed == [(r.start_text, r.title, r.length_text, r.elapsed_text) for r in rows]
    said = summary(pack.start, rows)
    assert (plan.end_text, plan.total_text) == (said.end_text, said.total_text)
    facts = {
        entry.id: ExerciseFacts(entry.id, e.number, e.title, e.time.minutes, e.time.at_least)
        for entry in library.entries.values()
        if (e := entry.item) is not None
        if entry.kind.folder == "exercises"
    }
    planned = parse_plan(plan.planner_address, facts)
    assert planned.messages == [] and (planned.title, planned.start) == (pack.title, pack.start)
    in_planner = agenda(planned.start, planned.items)
    assert [(r.start_text, r.title, r.length_text, r.elapsed_text) for r in in_planner] == printed
    assert summary(planned.start, in_planner).end_text == plan.end_text
    assert not plan.open_ended and "or later" not in str(printed)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_browser_passes_the_same_cases() -> None:
    done = subprocess.run(
        ["node", "--test", str(REPO / "tests/agenda.test.js")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("#start=25:00&ex=exercise-3-challenges-of-getting-outcomes-into-practice", '"25:00" is not a time of day'),
        ("#lunch=45", "the plan has no exercises; add at least one"),
        ("#start=23:00&ex=exercise-1-defining-the-approach.120", "The session would end after midnight"),
        (
            "#title=Team+%E3%83%81%E3%83%BC%E3%83%A0&ex=exercise-1-defining-the-approach",
            "its title: character 'チ' (U+30C1 KATAKANA LETTER TI) cannot be printed: the fonts the PDFs are printed"
            " in have no glyph for it; write it another way or leave it out",
        ),
        (
            "#place=Room+2+%F0%9F%8F%A0&ex=exercise-1-defining-the-approach",
            "its place: character '\U0001f3e0' (U+1F3E0 HOUSE BUILDING) cannot be printed: the fonts the PDFs are"
            " printed in have no glyph for it; write it another way or leave it out",
        ),
    ],
)
def test_a_plan_the_planner_would_correct_is_a_usage_error(
    address: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub.cli import main as cli

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["pack", "--plan", address, "-o", "out.pdf"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("build.py pack: error: argument --plan: ") and message in error
    assert not (tmp_path / "out.pdf").exists()
