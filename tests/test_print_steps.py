"""Steps, notes and sheets handed out later, as a reader of the printed PDFs finds them (issue 14, items 5 and 10).

Read with pdftotext from the shared build: the exercises' handouts and the workshop packs.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from hub.content.kinds import KINDS
from hub.content.load import load_library

pytestmark = pytest.mark.e2e

PACKS = ("full-day-part-two", "two-hour-part-one", "team-meeting-60-minutes")


def pages(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in done.stdout.split("\f")[:-1]]


def test_sub_steps_read_as_letters_in_handouts_and_packs(built: Path) -> None:
    for name in ("exercise-5-brainstorming-for-innovative-solutions-facilitator", "full-day-part-two"):
        text = " ".join(pages(built / f"site/pdf/{name}.pdf"))
        step = text[text.index("4. You should now have two potential solutions") :]
        letters = re.findall(r"\b([a-e])\. (Reasons|Resources|Any partners|Barriers|How, if at all)", step)
        assert letters == [("a", "Reasons"), ("b", "Resources"), ("c", "Any partners"), ("d", "Barriers"),
                           ("e", "How, if at all")], name  # fmt: skip
        assert "5. Bring the small groups back together" in step, name
        assert not re.search(r"\b5\. \S+ \S+ \S+ \S+ 5\. ", step), name  # no "5." twice in a row
    text = " ".join(pages(built / "site/pdf/exercise-4-asking-the-right-questions-facilitator.pdf"))
    assert (
        "a. the person receiving support b. the unpaid / informal / family carer. 3. How do the questions differ?"
        in text
    )


def test_exercise_pdfs_say_the_time_once_and_the_notes_before_the_steps(built: Path) -> None:
    library = load_library(built)
    for entry in library.of_kind(KINDS["exercises"]):
        for variant in ("facilitator", "participant"):
            text = " ".join(pages(built / f"site/pdf/{entry.id}-{variant}.pdf"))
            assert "TIME" in text and text.count(entry.item.time.length) == 1, entry.id  # beside the section
            assert entry.item.time.text not in text, entry.id
    for name in ("exercise-6-risk-taking-facilitator", "full-day-part-two"):
        text = " ".join(pages(built / f"site/pdf/{name}.pdf"))
        section = text[text.index("Exercise 6: Risk-taking") :]
        assert (
            section.index("Materials")
            < section.index("Facilitator notes Risk is often seen")
            < section.index("Instructions 1. Refer to training materials on page")
        ), name


def test_material_handed_out_later_is_a_sheet_of_its_own_marked_for_the_facilitator(built: Path) -> None:
    worksheet = pages(built / "site/pdf/exercise-2-outcomes-focused-and-service-led-compared-participant.pdf")
    assert len(worksheet) == 3  # the participants' page, a blank back, the table on a sheet of its own
    assert "Your notes" in worksheet[0] and "Table 4" not in worksheet[0]
    assert worksheet[1].startswith("This page is intentionally blank")
    assert worksheet[2].startswith(
        "Exercise 2: Outcomes-focused and service-led compared Outcomes Hub FOR THE FACILITATOR, FROM THE HUB: "
        "hand out this sheet at step 4, after the group has discussed what the approach means to them and how it "
        "differs from service-led practice. Materials for this exercise Table 4: Service-led and outcomes-focused "
        "approaches compared"
    )
    exercise_1 = pages(built / "site/pdf/exercise-1-defining-the-approach-participant.pdf")
    starts = [index + 1 for index, page in enumerate(exercise_1) if "FOR THE FACILITATOR, FROM THE HUB" in page]
    assert len(starts) == 2 and all(page % 2 == 1 for page in starts), starts  # right-hand pages
    assert "hand out this sheet at step 7" in exercise_1[starts[1] - 1] and "Table 3:" in exercise_1[starts[1] - 1]
    pack = pages(built / "site/pdf/two-hour-part-one.pdf")
    marks = [page for page in pack if "FOR THE FACILITATOR, FROM THE HUB: hand out this sheet" in page]
    assert [re.search(r"at step (\d)", page).group(1) for page in marks] == ["4", "7", "4"]


def test_the_quiz_answers_are_in_the_facilitators_copy_only(built: Path) -> None:
    participants = pages(built / "site/pdf/personal-outcomes-quiz-participant.pdf")
    facilitators = pages(built / "site/pdf/personal-outcomes-quiz-facilitator.pdf")
    assert not any(re.search(r"suggested answer|It describes", page, re.IGNORECASE) for page in participants)
    # Every statement, in order, in both copies; only the facilitator's copy goes on to the answers.
    quiz = load_library(built).entries["personal-outcomes-quiz"].item
    body = [" ".join(copy).replace("’", "'") for copy in (participants, facilitators)]
    for text in body:
        places = [text.find(" ".join(s.statement.replace("’", "'").split())) for s in quiz.statements]
        assert -1 not in places and places == sorted(places), places
    assert "PARTICIPANT COPY, WITHOUT ANSWERS" in body[0] and "FACILITATOR COPY, WITH ANSWERS" in body[1]
    assert len(participants) < len(facilitators)
    assert "Suggested answers" in facilitators[-1] and "Suggested answers" not in body[0]
    assert PdfReader(built / "site/pdf/personal-outcomes-quiz-facilitator.pdf").metadata.title == (
        "Quiz: is this a personal outcome? (facilitator copy, with answers)"
    )
