"""Exercises' steps and notes, and material not given out before its time (issue 14, items 5 and 10), in the
HTML that pages and PDFs are made from: rendered in memory from the real content."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from hub.content.kinds import KINDS
from hub.content.library import Library
from hub.model import Model
from hub.model.summaries import summary_repeated
from hub.render.formats import downloads_of
from hub.render.outputs import Rendered

PACKS = ("full-day-part-two", "two-hour-part-one", "team-meeting-60-minutes")


def _pdf_html(rendered: Rendered, pdf: str) -> str:
    return next(job.html for job in rendered.print_jobs if job.pdf_path == f"pdf/{pdf}.pdf")


def _text(fragment: str) -> str:
    return " ".join(lxml_html.fromstring(fragment).text_content().split())


def _exercise_documents(rendered: Rendered, exercise: str) -> dict[str, str]:
    """The facilitator's handout, the web page and every pack that holds the exercise's section, as HTML."""
    documents = {
        "handout": _pdf_html(rendered, f"{exercise}-facilitator"),
        "page": rendered.pages[f"exercises/{exercise}.md"],
    }
    for pack in PACKS:
        whole = _pdf_html(rendered, pack)
        section = re.search(
            rf'<section class="pack-exercise" id="{exercise}">.*?<section class="pack-participant"', whole, re.S
        )
        if section:
            documents[pack] = section.group(0)
    return documents


# --- 10. steps and notes ---------------------------------------------------------------------------------------


def test_sub_steps_are_a_lettered_list_inside_their_step_everywhere(rendered: Rendered) -> None:
    for exercise in ("exercise-4-asking-the-right-questions", "exercise-5-brainstorming-for-innovative-solutions"):
        documents = _exercise_documents(rendered, exercise)
        assert len(documents) >= 3, documents.keys()
        for where, document in documents.items():
            sub_steps = re.findall(r'<ol type="a" class="hub-substeps">', document)
            assert len(sub_steps) == 1, (exercise, where)
            assert not re.search(r"<li>[^<]*<ol>", document), (exercise, where)  # no numbered list in a step
    step = re.search(
        r"<li>You should now have two potential solutions.*?</ol>",
        _pdf_html(rendered, "exercise-5-brainstorming-for-innovative-solutions-facilitator"),
        re.S,
    ).group(0)
    lettered = lxml_html.fromstring(step + "</li>").xpath("./ol/li")
    assert [item.text_content() for item in lettered][-2:] == [
        "Barriers to implementing the proposed solution.",
        "How, if at all, the barriers could be overcome.",
    ]
    assert len(lettered) == 5


def test_facilitator_notes_come_just_before_the_steps_in_handouts_packs_and_pages(rendered: Rendered) -> None:
    documents = _exercise_documents(rendered, "exercise-6-risk-taking")
    assert {"handout", "page", "full-day-part-two"} <= documents.keys()
    for where, document in documents.items():
        notes = document.index("Facilitator notes")
        steps = document.index("Instructions")
        materials = document.index("Materials")
        assert materials < notes < steps, where
        between = document[notes:steps]
        assert "Risk is often seen as a negative thing" in between, where


def test_an_exercises_time_is_said_once(rendered: Rendered, library: Library) -> None:
    for entry in library.of_kind(KINDS["exercises"]):
        for document in _exercise_documents(rendered, entry.id).values():
            assert entry.item.time.text not in document, entry.id
    handout = _pdf_html(rendered, "exercise-3-challenges-of-getting-outcomes-into-practice-facilitator")
    assert "<div><dt>Time</dt><dd>At least 45 minutes</dd></div>" in handout
    page = rendered.pages["exercises/exercise-1-defining-the-approach.md"]
    assert "<dd><strong>About 60 minutes</strong></dd>" in page


def test_a_summary_that_the_first_paragraph_repeats_is_left_out_of_handouts_and_pages(
    rendered: Rendered, library: Library
) -> None:
    repeated = [entry for entry in library.entries.values() if summary_repeated(entry.item)]
    assert 35 <= len(repeated) <= 45, len(repeated)
    for entry in repeated:
        label = "Summary from the hub" if entry.item.hub_wrote_summary else entry.item.summary
        handout = next(job.html for job in rendered.print_jobs if job.label.startswith(f"{entry.path} ("))
        header = handout.split('<header class="doc-header">')[1].split("</header>")[0]
        assert 'class="summary' not in header and label not in header, entry.id
        page = rendered.pages[f"{entry.kind.folder}/{entry.id}.md"]
        assert "hub-summary" not in page and "Summary from the hub" not in page, entry.id
    kept = library.entries["catriona"]
    assert not summary_repeated(kept.item)
    assert "Summary from the hub" in _pdf_html(rendered, "catriona")
    assert "Summary from the hub" in rendered.pages["case-studies/catriona.md"]


def test_the_summaries_that_repeat_their_text_are_the_ones_that_say_the_same(library: Library) -> None:
    def repeated(item_id: str) -> bool:
        return summary_repeated(library.entries[item_id].item)

    # the first sentence again, or the paragraph in brief
    for item_id in (
        "sandra",
        "recruiting-for-values",
        "outcomes-and-well-being",
        "personal-outcomes-quiz",
        "culture-star",
    ):
        assert repeated(item_id), item_id
    # a summary that says what the text after it does not begin with
    for item_id in ("catriona", "positive-risk", "questions-for-supervision", "making-the-most-of-the-resource"):
        assert not repeated(item_id), item_id
    # exercises and packs open with facts, not a paragraph
    assert not any(repeated(entry.id) for entry in library.of_kind(KINDS["exercises"]))


# --- 5. no answers before their time -----------------------------------------------------------------------------

EXERCISE_2 = "exercise-2-outcomes-focused-and-service-led-compared"
TABLE_4 = "Table 4: Service-led and outcomes-focused approaches compared"
MARK_2 = (
    "For the facilitator, from the hub: hand out this sheet at step 4, after the group has discussed what the "
    "approach means to them and how it differs from service-led practice."
)


def test_exercise_2s_table_is_a_sheet_of_its_own_after_the_participants_first_pages(rendered: Rendered) -> None:
    worksheet = _pdf_html(rendered, f"{EXERCISE_2}-participant")
    root = lxml_html.document_fromstring(worksheet)
    main = root.xpath("//main")[0]
    sections = [(" ".join(section.get("class").split()), section) for section in main.xpath("./section")]
    assert [name for name, _ in sections] == ["outcomes", "notes-space", "materials-pages hand-out-later new-sheet"]
    later = sections[-1][1]
    assert " ".join(later.xpath("./p[1]")[0].text_content().split()) == MARK_2
    assert later.xpath("./h2")[0].text_content() == "Materials for this exercise"
    assert (
        TABLE_4 in later.text_content() and TABLE_4 not in worksheet.split('class="materials-pages hand-out-later')[0]
    )


def test_the_step_that_hands_material_out_says_so(rendered: Rendered) -> None:
    for where, document in _exercise_documents(rendered, EXERCISE_2).items():
        steps = re.search(r'<ol class="(?:hub-)?steps">(.*?)</ol>', document, re.S).group(1)
        items = re.findall(r"<li>(.*?)</li>", steps, re.S)
        assert _text(items[3]).endswith(f"Note from the hub: hand out the separate sheet with “{TABLE_4}” now."), where
        assert not any("hand out the separate sheet" in item for item in items[:3]), where
    exercise_1 = _pdf_html(rendered, "exercise-1-defining-the-approach-facilitator")
    assert (
        "hand out the separate sheet with “Table 1: Outcomes important to people who receive support” and "
        "“Table 2: Outcomes important to unpaid / informal carers” now."
    ) in _text(exercise_1)


def test_exercise_1_gives_out_its_tables_at_the_steps_that_name_them(library: Library, rendered: Rendered) -> None:
    sheets = library.entries["exercise-1-defining-the-approach"].item.sheets
    assert [
        (sheet.hand_out.at_step if sheet.hand_out else None, [b.title for b in sheet.blocks]) for sheet in sheets
    ] == [
        (None, ["Quote 1", "Quote 2", "Outcome categories"]),
        (
            4,
            [
                "Table 1: Outcomes important to people who receive support",
                "Table 2: Outcomes important to unpaid / informal carers",
            ],
        ),
        (7, ["Table 3: Benefits of an outcomes-focused approach"]),
    ]
    worksheet = _text(_pdf_html(rendered, "exercise-1-defining-the-approach-participant"))
    assert worksheet.index("Outcome categories") < worksheet.index("Your notes") < worksheet.index("Table 1:")
    assert worksheet.index("Table 2:") < worksheet.index("hand out this sheet at step 7") < worksheet.index("Table 3:")


@pytest.mark.parametrize("pack", ["full-day-part-two", "two-hour-part-one"])
def test_packs_print_material_handed_out_later_on_a_sheet_of_its_own(
    rendered: Rendered, model: Model, pack: str
) -> None:
    html = _pdf_html(rendered, pack)
    for entry in model.plans[pack].exercises if hasattr(model.plans[pack], "exercises") else []:
        del entry  # the plan's shape is the agenda's business; the sections are found by id below
    for exercise in model.library.of_kind(KINDS["exercises"]):
        start = html.find(f'<section class="pack-participant" id="{exercise.id}-participant">')
        if start < 0:
            continue
        following = html.find('<section class="pack-exercise"', start)
        section = html[start : following if following >= 0 else len(html)]  # up to the next exercise
        for sheet in exercise.item.sheets:
            if sheet.hand_out:
                mark = f"hand out this sheet at step {sheet.hand_out.at_step}, after {sheet.hand_out.hub_after}."
                later = section.split('<section class="hand-out-later"', 1)
                assert len(later) == 2 and mark in _text(later[1]), (pack, exercise.id)


def test_the_quiz_has_a_participants_copy_without_answers_and_a_facilitators_copy_with_them(
    rendered: Rendered, model: Model
) -> None:
    quiz = model.library.entries["personal-outcomes-quiz"]
    assert [(link.label, link.pdf_path) for link in downloads_of(model)(quiz)] == [
        ("Participant copy, without answers", "pdf/personal-outcomes-quiz-participant.pdf"),
        ("Facilitator copy, with answers", "pdf/personal-outcomes-quiz-facilitator.pdf"),
    ]
    participants = _pdf_html(rendered, "personal-outcomes-quiz-participant")
    facilitators = _pdf_html(rendered, "personal-outcomes-quiz-facilitator")
    assert "<title>Quiz: is this a personal outcome? (participant copy, without answers)</title>" in participants
    assert "<title>Quiz: is this a personal outcome? (facilitator copy, with answers)</title>" in facilitators
    participants_text, facilitators_text = _text(participants), _text(facilitators)
    for statement in quiz.item.statements:
        assert statement.reason not in participants_text and statement.reason in facilitators_text
    assert "Suggested answers" not in participants and "Suggested answers" in facilitators
    assert quiz.item.statements[0].statement in participants_text
