# ruff: noqa: E501  (pinned messages and agendas read best whole, one per line)
"""Workshop packs: the shipped packs as built, packs on demand, and their exact errors.

Plans, content errors and usage errors are checked in this process; the shipped packs' PDFs (from the
shared build) and packs printed on demand by ``build.py pack`` are end to end."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, SITE_URL, Run, pdf_bookmarks, run_build
from hub.cli import main as cli
from hub.content import load_library
from hub.content.schemas import Exercise
from hub.model.agenda import plan_pack
from hub.model.custom_pack import choose_from_audit
from hub.problems import ContentError
from hub.words import clock, duration

SHIPPED = ("two-hour-part-one", "full-day-part-two", "team-meeting-60-minutes")

# Page counts of the shipped packs as laid out today; a change here is a change a reader would see.
PAGES = {"two-hour-part-one": 15, "full-day-part-two": 27, "team-meeting-60-minutes": 9}  # blank pages included
HANDED_OUT_LATER = "for the facilitator, from the hub: hand out this sheet at step"  # the label in capitals
PARTICIPANT_SET_PAGES = {"two-hour-part-one": 9, "full-day-part-two": 13, "team-meeting-60-minutes": 3}
BLANK_NOTE = "This page is intentionally blank"

FULL_DAY_AGENDA = [
    ("09:30", "Exercise 3: The challenges of getting outcomes into practice", "1 h", "1 h"),
    ("10:30", "Exercise 4: Asking the right questions", "45 min", "1 h 45 min"),
    ("11:15", "Morning break", "15 min", "2 h"),
    ("11:30", "Exercise 5: Brainstorming for innovative solutions", "1 h", "3 h"),
    ("12:30", "Lunch", "45 min", "3 h 45 min"),
    ("13:15", "Exercise 6: Risk-taking", "1 h", "4 h 45 min"),
    ("14:15", "Afternoon break", "15 min", "5 h"),
    ("14:30", "Exercise 7: What difference has the approach made?", "45 min", "5 h 45 min"),
    ("15:15", "Exercise 8: What makes for effective feedback?", "45 min", "6 h 30 min"),
    ("16:00", "Finish", "", "6 h 30 min"),
]

TWO_HOUR_AGENDA = [
    ("09:30", "Exercise 1: Defining the approach, promoting the benefits", "1 h", "1 h"),
    ("10:30", "Break", "15 min", "1 h 15 min"),
    ("10:45", "Exercise 2: Outcomes-focused and service-led compared", "45 min", "2 h"),
    ("11:30", "Finish", "", "2 h"),
]


def pdf_pages(path: Path) -> list[str]:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


def page_body(page: str) -> str:
    """A page's text without its running header (up to "Outcomes Hub") and footer (from its last "Source:");
    nothing for a blank page, which has neither."""
    if " ".join(page.split()) == BLANK_NOTE:
        return ""
    start = page.index("Outcomes Hub") + len("Outcomes Hub")
    return page[start : page.rindex("Source:")]


def body_text(path: Path) -> str:
    return " ".join(page_body(page) for page in pdf_pages(path))


def squash(text: str) -> str:
    """Text in lower case without white space or Markdown emphasis: PDF text extraction spaces words
    unevenly, and some headings are set in capitals."""
    return re.sub(r"\s+", "", text.replace("**", "").replace("*", "")).lower()


def agenda_rows(library, pack_id: str) -> list[tuple[str, str, str, str]]:
    plan = plan_pack(library.entries[pack_id].item, library)
    rows = [(slot.start_text, slot.title, slot.length_text, slot.elapsed_text) for slot in plan.slots]
    return [*rows, (plan.end_text, "Finish", "", plan.total_text)]


def facilitator_texts(exercise: Exercise) -> list[str]:
    """Passages of an exercise's facilitator's guide, in the order a pack prints them."""
    texts = [outcome for outcome in exercise.learning_outcomes]
    texts += [note[:80] for note in exercise.facilitator_notes]
    for step in exercise.instructions:
        pieces = [step if isinstance(step, str) else step.text]
        for ref in exercise.hub_refs:  # the guide's words a reference of the hub's replaces are not printed
            pieces = [piece for text in pieces for piece in " ".join(text.split()).split(ref.words) if piece.strip()]
        texts += pieces
    return texts


AGENDA_HEADINGS = ["Time", "Session", "Length", "Running", "total"]


def agenda_in_pdf(path: Path) -> list[tuple[str, str, str, str]]:
    """The rows of the agenda table in a pack's PDF, cell by cell, read from the words' positions on the page."""
    done = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    word = r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
    for page in re.findall(r"<page [^>]*>(.*?)</page>", done.stdout, re.S):
        words = [(float(x), html.unescape(text)) for x, text in re.findall(word, page)]
        texts = [text for _, text in words]
        heading = next((i for i in range(len(texts)) if texts[i : i + 5] == AGENDA_HEADINGS), None)
        if heading is None:
            continue
        columns = [x for x, _ in words[heading : heading + 4]]
        rows: list[list[list[str]]] = []
        for x, text in words[heading + 5 :]:  # cell by cell, row by row, as the page draws them
            if x < columns[0] - 1 or text == "Source:":  # past the table: the next heading, or the page's footer
                break
            column = max(i for i, start in enumerate(columns) if x >= start - 1)
            if column == 0 and (not rows or any(rows[-1][1:])):
                rows.append([[], [], [], []])
            rows[-1][column].append(text)
        return [tuple(" ".join(cell) for cell in row) for row in rows]  # type: ignore[misc]
    raise AssertionError(f"no agenda in {path}")


@pytest.fixture(scope="module")
def library():
    """The sources, read in this process."""
    return load_library(REPO)


@pytest.fixture(scope="module")
def built_library(built: Path):
    """The sources of the shared build (the working tree may have moved on since)."""
    return load_library(built)


def test_the_shipped_agendas_are_exactly_these(library) -> None:
    assert agenda_rows(library, "full-day-part-two") == FULL_DAY_AGENDA
    assert agenda_rows(library, "two-hour-part-one") == TWO_HOUR_AGENDA


@pytest.mark.parametrize("pack_id", SHIPPED)
def test_agenda_times_add_up(library, pack_id: str) -> None:
    pack = library.entries[pack_id].item
    plan = plan_pack(pack, library)
    now, elapsed, open_ended = pack.start, 0, False
    for slot in plan.slots:
        assert slot.start == now
        assert slot.may_start_later == open_ended
        expected = (
            pack.lengths.get(slot.entry.id, slot.entry.item.time.minutes)
            if slot.entry
            else next(b.minutes for b in pack.breaks if b.label == slot.title)
        )
        if slot.entry:
            assert slot.minutes >= slot.entry.item.time.minutes  # never below the guide's time
            assert slot.at_least == (slot.entry.item.time.at_least and slot.entry.id not in pack.lengths)
        assert slot.minutes == expected
        now += slot.minutes
        elapsed += slot.minutes
        open_ended = open_ended or slot.at_least
        assert slot.elapsed == elapsed and slot.open_ended == open_ended
    assert plan.end == pack.start + elapsed
    exercise_minutes = sum(pack.lengths.get(i, library.entries[i].item.time.minutes) for i in pack.exercises)
    assert elapsed == exercise_minutes + sum(b.minutes for b in pack.breaks) == exercise_minutes + plan.break_minutes
    assert [slot.entry.id for slot in plan.slots if slot.entry] == pack.exercises


@pytest.mark.e2e
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_the_pdf_agenda_is_the_plan(built: Path, built_library, pack_id: str) -> None:
    assert agenda_in_pdf(built / f"site/pdf/{pack_id}.pdf") == agenda_rows(built_library, pack_id)
    text = squash(" ".join(pdf_pages(built / f"site/pdf/{pack_id}.pdf")))
    agenda = text[text.index("timesessionlengthrunningtotal") :]
    position = 0
    for row in agenda_rows(built_library, pack_id):
        found = agenda.index(squash("".join(row)), position)
        position = found + 1


def test_the_team_meeting_fits_an_hour(library) -> None:
    plan = plan_pack(library.entries["team-meeting-60-minutes"].item, library)
    assert (plan.start_text, plan.end_text, plan.total_text) == ("14:00", "15:00", "1 h")


@pytest.mark.e2e
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_pack_pdf_pages_and_every_exercise_in_order(built: Path, built_library, pack_id: str) -> None:
    pdf = built / f"site/pdf/{pack_id}.pdf"
    assert len(pdf_pages(pdf)) == PAGES[pack_id]
    text = squash(body_text(pdf))
    position = 0
    for exercise_id in built_library.entries[pack_id].item.exercises:
        exercise = built_library.entries[exercise_id].item
        heading = squash(f"Exercise {exercise.number}: {exercise.title}Facilitator’s guide")
        position = text.index(heading, position)
        for passage in facilitator_texts(exercise):
            position = text.index(squash(passage), position)
        position = text.index(squash("Participant materials"), position)
        for outcome in exercise.learning_outcomes:
            position = text.index(squash(outcome), position)
        for block in exercise.training_materials:
            if block.title:
                position = text.index(squash(block.title), position)


@pytest.mark.e2e
def test_each_exercise_prints_its_own_scenarios(built: Path) -> None:
    """Each exercise's participant materials are whole, to be copied on their own (and the same pages serve
    the packs made in the browser, docs/browser-pack.md): Exercises 5 and 6 both print Sandra, Bill and Helen."""
    text = squash(body_text(built / "site/pdf/full-day-part-two.pdf"))
    assert text.count(squash("Sandra is 24 with moderate physical disabilities")) == 2
    assert squash("in the participant materials for Exercise 5") not in text


@pytest.mark.e2e
def test_one_combined_checklist(built: Path) -> None:
    pages = pdf_pages(built / "site/pdf/two-hour-part-one.pdf")
    checklist = squash(pages[1])
    for line in [
        "Flip chart paper (Exercises 1 and 2)",
        "Service-led and Outcomes-focused Approaches Compared table (Exercise 2)",
        "One copy of the participant materials for each person: Exercise 1, pages 5–9; Exercise 2, pages 13–15.",
        "Refreshments for the break at 10:30.",
    ]:
        assert squash(line) in checklist
    full_day = squash(pdf_pages(built / "site/pdf/full-day-part-two.pdf")[1])  # with the agenda, after the contents
    assert squash("Materials and room preparation") in full_day and "noneneeded" not in full_day


def participant_ranges(pdf: Path) -> dict[int, tuple[int, int]]:
    """What a pack's checklist says of each exercise's participant materials: ``{3: (5, 7)}`` for "Exercise 3,
    pages 5–7" and ``{3: (5, 5)}`` for "Exercise 3, page 5"."""
    text = " ".join(" ".join(pdf_pages(pdf)[:3]).split())
    listed = re.search(r"One copy of the participant materials for each person: (.*?)\.(?: |$)", text)
    assert listed, text
    found = {}
    for part in listed[1].split("; "):
        match = re.fullmatch(r"Exercise (\d+), (?:page (\d+)|pages (\d+)–(\d+))", part)
        assert match, part
        first, last = (int(match[2]), int(match[2])) if match[2] else (int(match[3]), int(match[4]))
        assert match[2] or first < last, part  # one page is "page 9", never "pages 9–9"
        found[int(match[1])] = (first, last)
    return found


def participant_pages(pdf: Path) -> dict[int, list[int]]:
    """Where each exercise's participant materials really are: the pages whose running header names them."""
    found: dict[int, list[int]] = {}
    for number, page in enumerate(pdf_pages(pdf), start=1):
        header = page.strip().splitlines()[0] if page.strip() else ""
        named = re.match(r"Exercise (\d+): .* · participant materials$", header)
        if named:
            found.setdefault(int(named[1]), []).append(number)
    return found


@pytest.mark.e2e
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_the_checklist_gives_each_exercises_participant_pages(built: Path, pack_id: str) -> None:
    """ "Exercise 3, pages 5–7": from the first page of its participant materials to the last, as printed (a
    blank left-hand page before a sheet handed out later among them, for double-sided copying)."""
    pdf = built / f"site/pdf/{pack_id}.pdf"
    ranges, pages = participant_ranges(pdf), participant_pages(pdf)
    blanks = {number for number, page in enumerate(pdf_pages(pdf), start=1) if " ".join(page.split()) == BLANK_NOTE}
    assert list(ranges) == list(pages)
    for number, (first, last) in ranges.items():
        assert pages[number] == [page for page in range(first, last + 1) if page not in blanks], number
    assert pack_id == "team-meeting-60-minutes" or any(first < last for first, last in ranges.values())
    described = [description for _, description, _ in _links(pdf)]
    for number, (first, _) in ranges.items():  # each exercise's name links to its first page, described
        assert f"Participant materials for Exercise {number}, page {first}" in described
    assert not [description for description in described if description.startswith(",")]


def test_materials_spelt_two_ways_are_one(library) -> None:
    pack = library.entries["two-hour-part-one"].item.model_copy(
        update={
            "exercises": ["exercise-1-defining-the-approach", "exercise-4-asking-the-right-questions"],
            "breaks": [],
        }
    )
    materials = [(item.text, item.for_text) for item in plan_pack(pack, library).materials]
    assert materials == [
        (
            "PowerPoint or flip chart paper to display quotes / categories / tables or alternatively print out copies of each.",
            "Exercise 1",
        ),
        ("Flip chart paper", "Exercises 1 and 4"),
    ]


@pytest.mark.e2e
def test_bookmarks_and_contents_agree(built: Path) -> None:
    assert pdf_bookmarks(built / "site/pdf/two-hour-part-one.pdf") == [
        (0, "Understanding and promoting the approach: a two-hour workshop", 1),
        (0, "Contents", 1),
        (0, "Agenda", 2),  # the contents fill the first page, so the agenda starts the next
        (0, "Materials and room preparation", 2),
        (0, "Exercise 1: Defining the approach, promoting the benefits", 3),
        (1, "Facilitator’s guide", 3),
        (1, "Participant materials", 5),
        (0, "Exercise 2: Outcomes-focused and service-led compared", 11),  # on a right-hand page, after a blank
        (1, "Facilitator’s guide", 11),
        (1, "Participant materials", 13),  # on a right-hand page, after a blank
    ]
    contents = [line for line in pdf_pages(built / "site/pdf/two-hour-part-one.pdf")[0].splitlines() if ". ." in line]
    listed = [(line.split(" .")[0].strip(), int(line.rsplit(" ", 1)[1])) for line in contents]
    assert listed == [
        ("Agenda", 2),
        ("Materials and room preparation", 2),
        ("Exercise 1: Defining the approach, promoting the benefits", 3),
        ("Participant materials", 5),
        ("Exercise 2: Outcomes-focused and service-led compared", 11),
        ("Participant materials", 13),
    ]


@pytest.mark.e2e
def test_running_headers_name_the_exercise_and_the_part(built: Path) -> None:
    pages = pdf_pages(built / "site/pdf/two-hour-part-one.pdf")
    assert pages[0].startswith("Understanding and promoting the approach: a two-hour workshop")
    assert pages[2].startswith("Exercise 1: Defining the approach, promoting the benefits · facilitator’s guide")
    assert pages[4].startswith("Exercise 1: Defining the approach, promoting the benefits · participant materials")
    for number, page in enumerate(pages, start=1):
        if " ".join(page.split()) == BLANK_NOTE:
            continue  # a blank page carries nothing but its note
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.e2e
def test_each_pack_has_a_page_with_its_agenda_and_a_download(built: Path, built_library) -> None:
    home = (built / "site/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="packs/"[^>]*>\s*Packs\s*<', home)
    catalogue = (built / "site/packs/index.html").read_text(encoding="utf-8")
    for pack_id in SHIPPED:
        assert f'href="{pack_id}/"' in catalogue
        html = (built / f"site/packs/{pack_id}/index.html").read_text(encoding="utf-8")
        assert f'href="../../pdf/{pack_id}.pdf"' in html and "Download the workshop pack (PDF, A4)" in html
        for start, _, length, elapsed in agenda_rows(built_library, pack_id):
            assert start.replace(" ", "\u00a0") in html and elapsed.replace(" ", "\u00a0") in html
            assert length.replace(" ", "\u00a0") in html
        plan = plan_pack(built_library.entries[pack_id].item, built_library)
        assert f'data-plan="{html_escape(plan.planner_address)}"' in html  # the same agenda, in the planner
    exercise = (built / "site/exercises/exercise-8-effective-feedback/index.html").read_text(encoding="utf-8")
    assert (
        'href="../../packs/full-day-part-two/"' in exercise
        and 'href="../../packs/team-meeting-60-minutes/"' in exercise
    )


def test_clock_and_duration() -> None:
    assert [clock(m) for m in (0, 570, 1439)] == ["00:00", "09:30", "23:59"]
    assert [duration(m) for m in (5, 60, 95, 330)] == ["5 min", "1 h", "1 h 35 min", "5 h 30 min"]


# --- content errors in pack files --------------------------------------------------

BAD_FIELDS = """\
title: A pack with bad fields
audience: Team leaders
start: 9:30
source: {document: iriss-leading-for-outcomes, section: Part one}
exercises:
  - exercise-1-defining-the-approach
  - exercise-2-outcomes-focused-and-servce-led-compared
breaks:
  - after: exercise-1-defining-the-approach
    minutes: 15
    lable: Tea
lengths:
  exercise-2-outcomes-focused-and-service-led-compared: 0
"""

BAD_PLAN = """\
title: A pack that contradicts itself
audience: Team leaders
start: "22:30"
source: {document: iriss-leading-for-outcomes, section: Part two}
exercises:
  - exercise-3-challenges-of-getting-outcomes-into-practice
  - exercise-3-challenges-of-getting-outcomes-into-practice
  - exercise-5-brainstorming-for-innovative-solutions
  - exercise-6-risk-taking
breaks:
  - after: exercise-6-risk-taking
    minutes: 10
  - after: exercise-5-brainstorming-for-innovative-solutions
    minutes: 15
  - after: exercise-5-brainstorming-for-innovative-solutions
    minutes: 5
  - after: exercise-4-asking-the-right-questions
    minutes: 15
  - after: exercise-9-feedback
    minutes: 15
"""


def problems_in(project: Path, text: str) -> list[str]:
    target = project / "content/packs/bad-pack.yml"
    target.write_text(text, encoding="utf-8")
    try:
        load_library(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    finally:
        target.unlink()
    return []


def test_a_pack_file_with_bad_fields(project: Path) -> None:
    assert problems_in(project, BAD_FIELDS) == [
        "content/packs/bad-pack.yml:3:8: start: expected a time of day on the 24-hour clock such as 09:30, not '9:30'",
        "content/packs/bad-pack.yml:7:5: exercises[2]: unknown exercise 'exercise-2-outcomes-focused-and-servce-led-compared'; did you mean 'exercise-2-outcomes-focused-and-service-led-compared'?",
        "content/packs/bad-pack.yml:11:5: breaks[1].lable: unknown field 'lable'; did you mean 'label'?",
        "content/packs/bad-pack.yml:13:57: lengths.exercise-2-outcomes-focused-and-service-led-compared: must be more than 0",
    ]


def test_a_pack_that_contradicts_itself(project: Path) -> None:
    assert problems_in(project, BAD_PLAN) == [
        "content/packs/bad-pack.yml:3:8: start: the pack would end at 02:45 the next day; start it earlier",
        "content/packs/bad-pack.yml:7:5: exercises[2]: 'exercise-3-challenges-of-getting-outcomes-into-practice' is already in this pack at exercises[1]; an exercise runs once",
        "content/packs/bad-pack.yml:11:12: breaks[1].after: 'exercise-6-risk-taking' is the last exercise, and a pack does not end with a break",
        "content/packs/bad-pack.yml:15:12: breaks[3].after: there is already a break after 'exercise-5-brainstorming-for-innovative-solutions' at breaks[2]",
        "content/packs/bad-pack.yml:17:12: breaks[4].after: 'exercise-4-asking-the-right-questions' is not one of this pack's exercises",
        "content/packs/bad-pack.yml:19:12: breaks[5].after: unknown exercise 'exercise-9-feedback'; did you mean 'exercise-8-effective-feedback'?",
    ]


BAD_LENGTHS = """\
title: A pack with lengths that cannot be
audience: Team leaders
start: 09:30
source: {document: iriss-leading-for-outcomes, section: Part two}
exercises:
  - exercise-3-challenges-of-getting-outcomes-into-practice
  - exercise-5-brainstorming-for-innovative-solutions
  - exercise-6-risk-taking
lengths:
  exercise-3-challenges-of-getting-outcomes-into-practice: 60
  exercise-5-brainstorming-for-innovative-solutions: 90
  exercise-6-risk-taking: 30
  exercise-7-what-difference-has-the-approach-made: 40
  exercise-6-risk-takng: 50
"""


def test_lengths_only_for_the_packs_at_least_exercises_and_not_below_their_least(project: Path) -> None:
    assert problems_in(project, BAD_LENGTHS) == [
        "content/packs/bad-pack.yml:11:54: lengths.exercise-5-brainstorming-for-innovative-solutions: the guide gives 'exercise-5-brainstorming-for-innovative-solutions' about 60 minutes, not \"at least\" a time; only an exercise with a least time is given a length",
        "content/packs/bad-pack.yml:12:27: lengths.exercise-6-risk-taking: 30 minutes is less than the guide's least time for 'exercise-6-risk-taking', at least 45 minutes",
        "content/packs/bad-pack.yml:13:53: lengths.exercise-7-what-difference-has-the-approach-made: 'exercise-7-what-difference-has-the-approach-made' is not one of this pack's exercises, and a length is for one it runs",
        "content/packs/bad-pack.yml:14:26: lengths.exercise-6-risk-takng: 'exercise-6-risk-takng' is not one of this pack's exercises, and a length is for one it runs; did you mean 'exercise-6-risk-taking'?",
    ]


def test_a_bad_pack_fails_the_build_with_exit_1_and_no_traceback(
    project: Path, run_in_process: Callable[..., Run]
) -> None:
    (project / "content/packs/bad-pack.yml").write_text(BAD_FIELDS, encoding="utf-8")
    result = run_in_process(project, "check")
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.stderr.endswith("4 problems found; nothing was written.\n")


# --- packs on demand ----------------------------------------------------------------


@pytest.mark.e2e
def test_a_pack_of_chosen_exercises(project: Path, tmp_path: Path) -> None:
    """Lengths as the trainer gives them (7:45), the least time for the other "at least" exercises: every clock
    time fixed, to book the room by, and the agenda and the command say which exercises have only their least."""
    out, participants = tmp_path / "pack.pdf", tmp_path / "participants.pdf"
    result = run_build(
        project, "pack", "--exercise", "exercise-3-challenges-of-getting-outcomes-into-practice",
        "--exercise", "7:45", "--exercise", "8", "--start", "13:30", "--break-after", "3:15",
        "--title", "An afternoon on progress", "-o", str(out), "--participants", str(participants),
    )  # fmt: skip
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Exercise 3 is given its least time, 45 min; to give it longer, name it as 3:MINUTES.",
        "Exercise 8 is given its least time, 30 min; to give it longer, name it as 8:MINUTES.",
        f"Wrote {out}: 3 exercises, 13:30 to 15:45 (2 h 15 min).",
        f"Wrote {participants}: the participant set, to photocopy one for each person.",
    ]
    reader = PdfReader(out)
    assert reader.metadata.title == "An afternoon on progress (workshop pack)"
    pages = pdf_pages(out)
    text = squash(" ".join(pages))
    agenda = [
        ("13:30", "Exercise 3: The challenges of getting outcomes into practice", "45 min", "45 min"),
        ("14:15", "Break", "15 min", "1 h"),
        ("14:30", "Exercise 7: What difference has the approach made?", "45 min", "1 h 45 min"),
        ("15:15", "Exercise 8: What makes for effective feedback?", "30 min", "2 h 15 min"),
        ("15:45", "Finish", "", "2 h 15 min"),
    ]
    assert squash("".join("".join(row) for row in agenda)) in text
    front = " ".join(" ".join(pages[:2]).split())  # the cover, contents, agenda and checklist
    assert not re.search(r"\bor later\b", front) and not re.search(r"\bat least\b", front.replace("“at least”", ""))
    assert (
        "The guide gives Exercises 3, 7 and 8 “at least” a time; this agenda gives each the length shown, so you "
        "can book lunch and the finish by its times. Exercises 3 and 8 are given only that least time: leave room "
        "for discussion to run on."
    ) in " ".join(" ".join(pages[:2]).split())
    set_pages = pdf_pages(participants)
    assert PdfReader(participants).metadata.title == "An afternoon on progress (participant set)"
    assert [title for _, title, _ in pdf_bookmarks(participants)] == [
        "Exercise 3: The challenges of getting outcomes into practice",
        "Exercise 7: What difference has the approach made?",
        "Exercise 8: What makes for effective feedback?",
    ]
    assert squash("Facilitator’s guide") not in squash(" ".join(set_pages))
    assert text.index(squash("Exercise 7: What difference")) < text.index(squash("Exercise 8: What makes"))
    assert (
        squash(
            "Source: Leading for outcomes: a guide, Iriss (Institute for Research and Innovation in Social Services), 2010: Exercises 3, 7 and 8."
        )
        in text
    )


RATINGS = """\
Understanding outcomes and the outcomes-focused approach: 3
Understanding the benefits of the approach: 1
Addressing the challenges: 5
How to listen and communicate effectively to identify outcomes: 4
How to implement the approach and engage in supported risk-taking: 4
Understanding the difference you have made using an outcomes-focused approach: 2
How to sustain progress and momentum in an outcomes-focused approach: 3
"""


@pytest.mark.e2e
def test_a_pack_from_the_training_priorities_audit(project: Path, tmp_path: Path) -> None:
    ratings = tmp_path / "ratings.yml"
    ratings.write_text(RATINGS, encoding="utf-8")
    out = tmp_path / "priorities.pdf"
    result = run_build(project, "pack", "--audit", str(ratings), "--minutes", "180", "-o", str(out))
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"Chosen from {ratings} for the needs rated highest, within 3 h:",
        "  Exercise 3: The challenges of getting outcomes into practice (at least 45 min), for 'Addressing the challenges' (rated 5)",
        "  Exercise 4: Asking the right questions (at least 45 min), for 'How to listen and communicate effectively to identify outcomes' (rated 4)",
        "  Exercise 5: Brainstorming for innovative solutions (1 h), for 'How to implement the approach and engage in supported risk-taking' (rated 4)",
        "  Exercise 8: What makes for effective feedback? (at least 30 min), for 'How to sustain progress and momentum in an outcomes-focused approach' (rated 3)",
        "Left out:",
        "  Exercise 6: Risk-taking (at least 45 min), for 'How to implement the approach and engage in supported risk-taking' (rated 4): it does not fit; only 30 min of the 3 h is left",
        "  Exercise 1: Defining the approach, promoting the benefits (1 h), for 'Understanding outcomes and the outcomes-focused approach' (rated 3): it does not fit; only 30 min of the 3 h is left",
        "  Exercise 7: What difference has the approach made? (at least 30 min), for 'Understanding the difference you have made using an outcomes-focused approach' (rated 2): it does not fit; all 3 h is taken",
        "  'Understanding the benefits of the approach' (rated 1): rated low, so not a training priority",
        "Exercise 3 is given its least time, 45 min; to give it longer, make the pack with --exercise 3:MINUTES.",
        "Exercise 4 is given its least time, 45 min; to give it longer, make the pack with --exercise 4:MINUTES.",
        "Exercise 8 is given its least time, 30 min; to give it longer, make the pack with --exercise 8:MINUTES.",
        f"Wrote {out}: 4 exercises, 09:30 to 12:30 (3 h).",
    ]
    text = squash(body_text(out))
    library = load_library(project)
    exercises = [library.entries[e].item for e in library.entries if e.startswith("exercise-")]
    headings = {e.number: squash(f"Exercise {e.number}: {e.title}Facilitator’s guide") for e in exercises}
    positions = [text.index(headings[number]) for number in (3, 4, 5, 8)]
    assert positions == sorted(positions)
    assert not any(headings[number] in text for number in (1, 2, 6, 7))


def test_audit_choice_takes_the_highest_rated_needs_first(library) -> None:
    audit = library.entries["training-priorities"].item
    everything = choose_from_audit(audit, [5] * 7, 24 * 60, library)
    assert [e.item.number for e in everything.exercises] == [1, 3, 4, 5, 6, 7, 8]
    assert everything.left_out == ()
    tight = choose_from_audit(audit, [2, 2, 2, 2, 2, 2, 5], 50, library)
    assert [e.item.number for e in tight.exercises] == [8]
    assert tight.minutes_used == 30


BAD_RATINGS = """\
Understanding outcomes and the outcomes-focused approach: 3
Understandng the benefits of the approach: 1
Addressing the challenges: high
How to listen and communicate effectively to identify outcomes: 6
How to implement the approach and engage in supported risk-taking: 4
Understanding the difference you have made using an outcomes-focused approach: 2
"""


def test_bad_ratings_are_content_errors(project: Path, tmp_path: Path, run_in_process: Callable[..., Run]) -> None:
    ratings = tmp_path / "ratings.yml"
    ratings.write_text(BAD_RATINGS, encoding="utf-8")
    result = run_in_process(project, "pack", "--audit", str(ratings), "--minutes", "90", "-o", str(tmp_path / "x.pdf"))
    assert result.code == 1
    assert result.stderr.splitlines() == [
        f"{ratings}:1:1: How to sustain progress and momentum in an outcomes-focused approach: is not rated; give it a rating from 1 (low) to 5 (high)",
        f"{ratings}:1:1: Understanding the benefits of the approach: is not rated; give it a rating from 1 (low) to 5 (high)",
        f"{ratings}:2:1: Understandng the benefits of the approach: unknown need; did you mean 'Understanding the benefits of the approach'?",
        f"{ratings}:3:28: Addressing the challenges: expected a rating from 1 (low) to 5 (high), not 'high'",
        f"{ratings}:4:65: How to listen and communicate effectively to identify outcomes: expected a rating from 1 (low) to 5 (high), not '6'",
        "5 problems found; nothing was written.",
    ]
    assert not (tmp_path / "x.pdf").exists()


USAGE = "usage: build.py pack [-h]"
CHOICES = "(--exercise ID[:MINUTES] | --plan ADDRESS | --audit RATINGS.yml)"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "one of the arguments --exercise --plan --audit is required"),
        (
            ["--exercise", "exercise-9-feedback"],
            "argument --exercise: unknown exercise 'exercise-9-feedback'; did you mean 'exercise-8-effective-feedback'?",
        ),
        (
            ["--exercise", "brainstorm"],
            "argument --exercise: unknown exercise 'brainstorm' (give an exercise's id, or its number)",
        ),
        (
            ["--exercise", "1", "--start", "9:30"],
            "argument --start: expected a time of day on the 24-hour clock such as 09:30, not '9:30'",
        ),
        (
            ["--exercise", "1", "--exercise", "2", "--break-after", "1"],
            "argument --break-after: expected EXERCISE:MINUTES such as 3:15 or exercise-3-challenges-of-getting-outcomes-into-practice:15 (at most 180 minutes), not '1'",
        ),
        (
            ["--exercise", "1", "--exercise", "2", "--break-after", "2:15"],
            "argument --break-after: 'exercise-2-outcomes-focused-and-service-led-compared' is the last exercise, and a pack does not end with a break",
        ),
        (
            ["--exercise", "1", "--exercise", "2", "--break-after", "3:15"],
            "argument --break-after: 'exercise-3-challenges-of-getting-outcomes-into-practice' is not one of this pack's exercises",
        ),
        (
            ["--exercise", "1", "--exercise", "1"],
            "argument --exercise: 'exercise-1-defining-the-approach' is already in this pack at exercises[1]; an exercise runs once",
        ),
        (
            ["--exercise", "1", "--exercise", "6:30"],
            "argument --exercise: 30 minutes is less than the guide's least time for 'exercise-6-risk-taking', at least 45 minutes",
        ),
        (
            ["--exercise", "1:90"],
            "argument --exercise: the guide gives 'exercise-1-defining-the-approach' about 60 minutes, not \"at least\" a time; only an exercise with a least time is given a length",
        ),
        (
            ["--exercise", "exercise-6-risk-takng.60"],
            "argument --exercise: unknown exercise 'exercise-6-risk-takng'; did you mean 'exercise-6-risk-taking'?",
        ),
        (
            ["--exercise", "6:an hour"],
            "argument --exercise: expected an exercise's id or number, or EXERCISE:MINUTES to give it a length, such as 6:60 or exercise-6-risk-taking:60, not '6:an hour'",
        ),
        (["--exercise", "6:500"], "argument --exercise: the length in '6:500' must be at most 480 minutes"),
        (["--exercise", "6:0"], "argument --exercise: the length in '6:0' must be more than 0 minutes"),
        (
            ["--exercise", "1", "--participants", "set.txt"],
            "argument --participants: expected a file name ending in .pdf, not 'set.txt'",
        ),
        (
            ["--exercise", "1", "--participants", "out.pdf"],
            "argument --participants: is the file -o writes the pack to; give the participant set its own",
        ),
        (
            ["--exercise", "1", "--minutes", "60"],
            "argument --minutes: goes with --audit; with --exercise the exercises set the time",
        ),
        (
            ["--audit", "ratings.yml"],
            "argument --minutes: is needed with --audit: how many minutes may the workshop take?",
        ),
        (
            ["--audit", "ratings.yml", "--minutes", "60", "--break-after", "3:15"],
            "argument --break-after: goes with --exercise; with --audit the exercises are chosen for you",
        ),
        (
            ["--audit", "no-such-ratings.yml", "--minutes", "60"],
            "argument --audit: cannot read 'no-such-ratings.yml': no such file",
        ),
        (
            ["--audit", "ratings.yml", "--minutes", "15"],
            "argument --minutes: no exercise fits in 15 min; the shortest the ratings point to needs 30 min",
        ),
        (["--exercise", "1", "--title", " "], "argument --title: must not be empty"),
        (["--exercise", "1", "--paper", "a5"], "argument --paper: invalid choice: 'a5' (choose from 'a4', 'letter')"),
        (["--exercise", "1", "--audience", ""], "argument --audience: must not be empty"),
        (
            ["--exercise", "1", "--title", "Team day \U0001f600"],
            "argument --title: character '\U0001f600' (U+1F600 GRINNING FACE) cannot be printed: the fonts the PDFs"
            " are printed in have no glyph for it; write it another way or leave it out",
        ),
        (
            ["--exercise", "1", "--audience", "Team\u202eleaders"],
            "argument --audience: invisible formatting character '\\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE) is not"
            " allowed in text; delete it",
        ),
    ],
)
def test_bad_pack_arguments_are_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ratings.yml").write_text(RATINGS.replace(": 1\n", ": 5\n"), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["pack", *arguments, "-o", "out.pdf"])
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == USAGE and lines[1].strip() == CHOICES
    assert lines[-1] == f"build.py pack: error: {message}"
    assert not (tmp_path / "out.pdf").exists()


def test_a_usage_error_exits_2_without_a_traceback(project: Path, run_in_process: Callable[..., Run]) -> None:
    result = run_in_process(project, "pack", "--exercise", "9", "-o", "out.pdf")
    assert result.code == 2 and "Traceback" not in result.stderr
    assert result.stderr.endswith(
        "build.py pack: error: argument --exercise: unknown exercise '9' (give an exercise's id, or its number)\n"
    )


def test_a_reference_names_items_and_words_the_item_writes(project: Path) -> None:
    exercise = project / "content/exercises/exercise-6-risk-taking.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(
        text.replace("  - words: on page 33\n", "  - words: on page 34\n", 1).replace(
            "    to: [exercise-6-risk-taking]\n", "    to: [exercise-6-risk-takng]\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as refused:
        load_library(project)
    assert [str(problem) for problem in refused.value.problems] == [
        "content/exercises/exercise-6-risk-taking.yml:101:12: hub_refs[1].words: 'on page 34' is not among the item's "
        "words as written; a reference replaces words of the item",
        "content/exercises/exercise-6-risk-taking.yml:102:10: hub_refs[1].to[1]: unknown item 'exercise-6-risk-takng'; "
        "did you mean 'exercise-6-risk-taking'?",
    ]


def _links(pdf: Path) -> list[tuple[int, str, str]]:
    """Each link annotation of ``pdf``: its page, its description and where it goes (an address, or "page N")."""
    reader = PdfReader(pdf)
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            if action is not None and "/URI" in action.get_object():
                target = str(action.get_object()["/URI"])
            else:
                target = f"page {reader.get_destination_page_number(reader.named_destinations[str(link['/Dest'])]) + 1}"
            found.append((number, str(link.get("/Contents", "")), target))
    return found


@pytest.mark.e2e
def test_references_work_on_paper_and_links_work_in_the_pdf(built: Path) -> None:
    """The guide's "on page 33" is, in a pack, "page N of this pack": a link to that page, described, and marked as
    the hub's; an item outside the pack is named by its title, a link to its page on the site."""
    full_day = built / "site/pdf/full-day-part-two.pdf"
    pages = pdf_pages(full_day)
    participant_pages = {
        number: page.splitlines()[0].split(":")[0]
        for number, page in enumerate(pages, start=1)
        if "· participant materials" in page.splitlines()[0]
    }
    first_participant = {}
    for number, exercise in participant_pages.items():
        first_participant.setdefault(exercise, number)
    six = first_participant["Exercise 6"]
    assert any(f"Refer to training materials on page {six} of this pack." in " ".join(p.split()) for p in pages)
    description = f"the participant materials for Exercise 6: Risk-taking, page {six}"
    assert (description, f"page {six}") in [(d, t) for _, d, t in _links(full_day)]
    text = " ".join(" ".join(pdf_pages(built / "site/pdf/two-hour-part-one.pdf")).split())
    assert "The case studies ‘Catriona’ and ‘Mr and Mrs MacKay’ have two sample scenarios" in text
    assert "Appendix I" not in text and "on page 15" not in text and "pages 13, 14 and 15" not in text
    two_hour_pages = pdf_pages(built / "site/pdf/two-hour-part-one.pdf")
    table = next(n for n, page in enumerate(two_hour_pages, start=1) if re.search(r"^Table 3: Benefits", page, re.M))
    assert f"Outcomes-focused Approach Table on page {table} of this pack." in text  # the table's own page
    handout = " ".join(" ".join(pdf_pages(built / "site/pdf/exercise-6-risk-taking-facilitator.pdf")).split())
    assert "Refer to training materials on page 3 of this handout." in handout
    two_hour = _links(built / "site/pdf/two-hour-part-one.pdf")
    assert [(d, t) for _, d, t in two_hour if d in ("Catriona", "Mr and Mrs MacKay")] == [
        ("Catriona", f"{SITE_URL}case-studies/catriona/"),
        ("Mr and Mrs MacKay", f"{SITE_URL}case-studies/mr-and-mrs-mackay/"),
    ]
    for pdf in sorted((built / "site/pdf").glob("*.pdf")):
        for _, description, target in _links(pdf):
            assert description, (pdf.name, target)
            assert target.startswith(("https://", "http://", "mailto:", "page ")), (pdf.name, target)


@pytest.mark.e2e
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_every_exercise_and_participant_section_starts_on_a_right_hand_page(built: Path, pack_id: str) -> None:
    """Printed double-sided, no participant page backs onto a facilitator's: a left page left empty says so."""
    pdf = built / f"site/pdf/{pack_id}.pdf"
    pages = [" ".join(page.split()) for page in pdf_pages(pdf)]
    starts = [page for _, title, page in pdf_bookmarks(pdf) if title.startswith("Exercise ") or title.endswith("guide")]
    starts += [page for _, title, page in pdf_bookmarks(pdf) if title == "Participant materials"]
    assert starts and all(page % 2 == 1 for page in starts), starts
    for number, text in enumerate(pages, start=1):
        if BLANK_NOTE in text:  # before a section, or before a sheet handed out later (not on the back of another)
            handed_out_next = number < len(pages) and HANDED_OUT_LATER in pages[number].lower()
            assert text == BLANK_NOTE and number % 2 == 0 and (number + 1 in starts or handed_out_next), number
        elif number + 1 in starts and number > 2:  # the page before a section's start: its end, not a blank
            assert "Page" in text
    blanks = [number for number, text in enumerate(pages, start=1) if text == BLANK_NOTE]
    assert blanks  # each shipped pack needs at least one


@pytest.mark.e2e
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_each_pack_has_a_participant_set_to_photocopy(built: Path, built_library, pack_id: str) -> None:
    """The participant materials alone, each exercise on a fresh sheet, with the pack's source and licence."""
    pdf = built / f"site/pdf/{pack_id}-participants.pdf"
    pages = [" ".join(page.split()) for page in pdf_pages(pdf)]
    assert len(pages) == PARTICIPANT_SET_PAGES[pack_id]
    whole = squash(" ".join(pages))
    assert squash("Facilitator’s guide") not in whole
    pack = built_library.entries[pack_id].item
    marks = pdf_bookmarks(pdf)  # one for each exercise, by name
    exercises = [built_library.entries[exercise_id].item for exercise_id in pack.exercises]
    assert [(depth, title) for depth, title, _ in marks] == [(0, f"Exercise {e.number}: {e.title}") for e in exercises]
    starts = [page for _, _, page in marks]
    assert starts[0] == 1 and all(page % 2 == 1 for page in starts), starts  # fresh sheets, nothing before the first
    position = 0
    for exercise, page in zip(exercises, starts, strict=True):
        heading = f"Exercise {exercise.number}: {exercise.title}"
        assert squash(heading + " Participant materials") in squash(pages[page - 1])
        position = whole.index(squash(heading + " Participant materials"), position)
        for outcome in exercise.learning_outcomes:
            position = whole.index(squash(outcome), position)
    for number, text in enumerate(pages, start=1):
        assert text == BLANK_NOTE or ("Source:" in text and "Licence" in text and f"Page {number} of" in text)
    html = (built / f"site/packs/{pack_id}/index.html").read_text(encoding="utf-8")
    assert f'href="../../pdf/{pack_id}-participants.pdf"' in html
    assert "Download the participant set to photocopy (PDF, A4)" in html
    downloads = (built / "site/downloads/index.html").read_text(encoding="utf-8")
    listed = re.search(rf"<li>{re.escape(pack.title)}: (.*?)</li>", downloads.replace("&#39;", "'"))
    assert listed and f'<a href="../pdf/{pack_id}-participants.pdf">Participant set to photocopy</a>' in listed[1]
