"""Every word traceable: the sources' words are in the sources, and the hub's own words are marked as the hub's.

The source texts are not part of the project: they are read from ``$HUB_SEEDS``
(relative to the project folder, or absolute), else from ``../shared/seeds``
beside the project, as in CI and on developers' machines.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import REPO
from hub import pipeline
from hub.cli.main import main as command_line
from hub.content import Library, load_library
from hub.content.provenance import SOURCE_FILES, Source, check, default_seeds, read_sources
from hub.content.schemas import Step, TableBlock
from hub.content.text import plain_text
from hub.content.whose import normalise, text_values
from hub.model.summaries import summary_repeated
from hub.render.slips import SIC_MARK, mark_slips
from hub.settings import Settings

SEEDS = default_seeds(REPO, os.environ.get("HUB_SEEDS"))


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    assert SEEDS.is_dir(), f"the source texts are not in {SEEDS}: set HUB_SEEDS, or put them in ../shared/seeds"
    return read_sources(SEEDS)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(REPO)


# --- the check ------------------------------------------------------------------------------


def test_every_source_worded_string_is_in_the_sources(library: Library, sources: dict[str, Source]) -> None:
    report = check(library, sources)
    assert [str(problem) for problem in report.problems] == []
    assert report.checked > 1300 and report.hub > 200


def test_the_seeds_are_found_beside_a_clean_clone() -> None:
    assert default_seeds(Path("/some/path/main"), None) == Path("/some/path/shared/seeds")
    assert default_seeds(Path("/some/path/main"), "../texts") == Path("/some/path/main/../texts")
    assert default_seeds(Path("/some/path/main"), "/elsewhere/seeds") == Path("/elsewhere/seeds")


def test_without_the_source_texts_it_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert command_line(["provenance", "--seeds", str(tmp_path)]) == 2
    assert "source texts not found in" in capsys.readouterr().err


def test_what_is_not_in_the_sources_is_listed_where_it_is(
    project: Path, sources: dict[str, Source], run_in_process
) -> None:
    sandra = project / "content/scenarios/sandra.yml"
    sandra.write_text(sandra.read_text("utf-8").replace("Sandra is 24", "Sandra, a composite, is 24"), encoding="utf-8")
    catriona = project / "content/case-studies/catriona.yml"
    text = catriona.read_text("utf-8").replace(
        "  - type: text\n    text: >-\n      She is",
        "  - type: text\n    title: Background\n    text: >-\n      She is",
        1,
    )
    catriona.write_text(text, encoding="utf-8")
    problems = [str(problem) for problem in check(load_library(project), sources).problems]
    line = next(n for n, row in enumerate(sandra.read_text("utf-8").splitlines(), 1) if row.startswith("text:"))
    heading = next(n for n, row in enumerate(text.splitlines(), 1) if row == "    title: Background")
    assert problems == [
        f"content/case-studies/catriona.yml:{heading}:12: body[1].title: not found as a heading in the sources; "
        "a heading the hub gave it is a hub_title",
        f"content/scenarios/sandra.yml:{line}:7: text: not found in the sources",
    ]
    done = run_in_process(project, "provenance", "--seeds", str(SEEDS))
    assert done.code == 1
    assert done.stdout.splitlines() == problems
    assert "2 not found" in done.stderr


def test_normalising_leaves_letters_and_digits_so_mended_damage_matches() -> None:
    assert (
        normalise("Culture change – it’s “tenminute”¹")
        == normalise("Culturechange: it's ten-minute")
        == ("culturechangeitstenminute")
    )
    assert normalise("informationⁱⁱⁱ. Each") == "informationeach"
    source = Source.of(
        "Champions might also benefit by having\n\nreflecting on leadership / continued\n\n"
        "access to the digital stories.\nYou can find <u>a guide here</u>.\n"
        "Physical and mental health, and emotional\tI am healthy\nwell-being Also for children\tI am happy\n"
    )
    assert source.has(normalise("Champions might also benefit by having access to the digital stories."))
    assert source.has(normalise("You can find a guide here."))
    assert source.has_heading(normalise("reflecting on leadership")) is False
    assert source.has_cell(normalise("Physical and mental health, and emotional well-being. Also for children"))
    assert not source.has(normalise("Physical and mental health, and emotional well-being"))


# --- [sic] ------------------------------------------------------------------------------------


class _Slips:
    sic = ("we all we all", "Mr O'Neil")


def test_sic_marks_text_but_never_a_tag_an_attribute_or_front_matter() -> None:
    page = (
        '---\ndescription: "we all we all"\n---\n<title>we all we all</title>'
        '<p title="we all we all">Values: we all we all know</p><td>Mr O&#39;Neil</td>'
    )
    assert mark_slips(page, _Slips()) == (
        '---\ndescription: "we all we all"\n---\n<title>we all we all</title>'
        f'<p title="we all we all">Values: we all we all{SIC_MARK} know</p><td>Mr O&#39;Neil{SIC_MARK}</td>'
    )


# --- the hub's words, marked on every page and in every PDF -----------------------------------


def _texts(document: str) -> tuple[str, str]:
    """The text of an HTML document, normalised: what is inside an element marked as the hub's, and what is not."""
    root = lxml_html.document_fromstring(document)
    # Navigation (the site's menus and a page's table of contents) is the hub's labels, as item titles are; what the
    # search index reads about a page (hidden, data-pagefind-meta) is data about it, as the head's description is.
    for dropped in root.xpath("//script|//style|//head|//nav|//*[@data-pagefind-meta]"):
        dropped.getparent().remove(dropped)
    marked, unmarked = [], []
    for node in root.xpath("//text()"):
        element = node.getparent()
        if node.is_tail:
            element = element.getparent()
        if element is None:
            continue
        inside = bool(element.xpath("ancestor-or-self::*[@data-provenance='hub']"))
        (marked if inside else unmarked).append(str(node))
    return normalise(" ".join(marked)), normalise(" ".join(unmarked))


def _hub_texts(entry) -> list[str]:
    """Every piece of the hub's own words in an item, as plain text (defaults included: a pack's summary)."""
    found = []
    for text in text_values(entry.kind.schema, entry.item.model_dump()):
        if text.hub and text.text.strip():
            found.append(normalise(plain_text(text.text) if text.markdown else text.text))
    return [words for words in found if words]


LONG = 40  # hub words this long, and not the sources' too, are nowhere unmarked


@pytest.fixture(scope="module")
def print_html(built: Path) -> dict[str, list[str]]:
    """The print HTML of every PDF, by the content file it was made from."""
    _, rendered = pipeline.read_and_render(Settings.load(built, epoch=0))
    by_path: dict[str, list[str]] = {}
    for job in rendered.print_jobs:
        by_path.setdefault(job.label.split(" (")[0], []).append(job.html)
    return by_path


@pytest.mark.e2e
def test_every_field_of_the_hubs_words_is_marked_on_its_page_and_in_its_pdfs(
    built: Path, print_html: dict[str, list[str]], sources: dict[str, Source]
) -> None:
    library = load_library(built)
    pages = {path: _texts(path.read_text("utf-8")) for path in sorted((built / "site").rglob("*.html"))}
    prints = {path: [_texts(document) for document in documents] for path, documents in print_html.items()}
    checked = 0
    for entry in library.entries.values():
        page = pages[built / "site" / entry.kind.folder / entry.id / "index.html"]
        for words in _hub_texts(entry):
            checked += 1
            if summary_repeated(entry.item) and words == normalise(plain_text(entry.item.summary_text)):
                # left out above a text that says it again: shown, marked, where the item is listed
                assert any(words in marked for marked, _ in pages.values()), (entry.path, words, "listed nowhere")
            else:
                assert words in page[0], (entry.path, words, "not marked on its page")
                assert any(words in marked for marked, _ in prints[entry.path]), (entry.path, words, "in no PDF")
            if len(words) >= LONG and not any(source.has(words) for source in sources.values()):
                for where, (_, unmarked) in pages.items():
                    assert words not in unmarked, (entry.path, words, f"unmarked on {where}")
                for path, documents in prints.items():
                    assert all(words not in unmarked for _, unmarked in documents), (entry.path, words, path)
    assert checked > 200


@pytest.mark.e2e
def test_every_mark_of_the_hubs_words_has_a_visible_label(built: Path, print_html: dict[str, list[str]]) -> None:
    documents = [path.read_text("utf-8") for path in (built / "site").rglob("*.html")]
    documents += [document for found in print_html.values() for document in found]
    for document in documents:
        root = lxml_html.document_fromstring(document)
        for element in root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' hub-note ')]"):
            assert element.get("data-provenance") == "hub", lxml_html.tostring(element)[:200]
        for element in root.xpath("//*[@data-provenance='hub'][not(ancestor::*[@data-provenance='hub'])]"):
            text = " ".join(element.itertext())
            if element.tag == "thead":  # headings of the hub's, labelled by the note after their table
                assert element.xpath("following::*[contains(@class, 'hub-header-note')]"), text
                continue
            labels = [" ".join(label.itertext()) for label in element.xpath(".//*[contains(@class, 'hub-note-label')]")]
            labels.append(element.get("title", ""))
            assert any(re.search(r"\bhub\b", label, re.IGNORECASE) for label in labels), text[:120]


@pytest.mark.e2e
def test_the_pdfs_show_the_label_of_the_hubs_words(built: Path) -> None:
    for name in (
        "exercise-6-risk-taking-facilitator",
        "personal-outcomes-quiz-facilitator",
        "training-priorities",
        "two-hour-part-one",
    ):
        text = subprocess.run(
            ["pdftotext", "-layout", str(built / f"site/pdf/{name}.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert re.search(r"note from the hub|from the hub", text, re.IGNORECASE), name
    text = subprocess.run(
        ["pdftotext", str(built / "site/pdf/culture-analysis-template.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"we all we all\s*(Note from the hub:\s*)?\[sic\]", text), "no [sic] in the PDF"


def test_the_styles_set_the_hubs_words_apart() -> None:
    for sheet in (REPO / "docs/assets/stylesheets/hub.css", REPO / "templates/print/print.css"):
        css = sheet.read_text("utf-8")
        assert re.search(r"\.hub-note\s*\{[^}]*border-left[^}]*background", css), sheet
        assert ".hub-note-label" in css and ".hub-sic" in css, sheet


# --- the cases mended for issue 16 --------------------------------------------------------------


def item(library: Library, item_id: str):
    return library.entries[item_id].item


def sources_words(library: Library, item_id: str) -> list[str]:
    entry = library.entries[item_id]
    return [
        t.text for t in text_values(entry.kind.schema, entry.item.model_dump(exclude_unset=True)) if t.whose == "source"
    ]


def test_the_quiz_intro_no_longer_promises_answers_the_document_does_not_give(library: Library) -> None:
    quiz = item(library, "personal-outcomes-quiz")
    assert "answers are in this document" not in quiz.intro
    assert quiz.intro.endswith("from the list below:")
    assert '"The answers are in this document."' in quiz.answers_note and "hub's" in quiz.answers_note


def test_the_audit_keeps_the_guides_exercise_numbers_and_explains_them(library: Library) -> None:
    audit = item(library, "training-priorities")
    explained = {need.priority_sections: need for need in audit.needs if need.hub_note}
    assert set(explained) == {"Part two Exercise 2", "Part two Exercise 3", "Part two Exercise 9"}
    assert explained["Part two Exercise 9"].exercises == ["exercise-8-effective-feedback"]
    assert audit.intro is None and "before training" in audit.hub_note


def test_exercise_6_risks_table(library: Library) -> None:
    exercise = item(library, "exercise-6-risk-taking")
    assert "Example risks are provided in italics." in exercise.instructions[1]
    (table,) = [b for b in exercise.training_materials if isinstance(b, TableBlock)]
    assert table.hub_header and table.note is None and table.hub_note
    examples = [cell for row in table.rows for cell in row if "e.g." in cell]
    assert len(examples) == 6 and all(cell.startswith("*e.g.") and cell.endswith("*") for cell in examples)


def test_exercise_1_keeps_the_guides_words_and_notes_the_hubs(library: Library) -> None:
    exercise = item(library, "exercise-1-defining-the-approach")
    assert exercise.facilitator_notes == []
    film = next(s for s in exercise.instructions if isinstance(s, Step) and "What are outcomes?" in s.text)
    assert "(http://www.ripfa.org.uk/publications/multimedia/aboutoutcomes/328-the-films-two)." in film.text
    assert "no longer works" in film.hub_note
    assert not any("plain reference" in text for text in sources_words(library, "exercise-1-defining-the-approach"))


def test_exercises_2_3_and_8(library: Library) -> None:
    two = item(library, "exercise-2-outcomes-focused-and-service-led-compared")
    assert two.facilitator_notes == [] and two.comparison_ids == ["service-led-and-outcomes-focused-iriss-2010"]
    table_4 = [
        entry.id
        for entry in library.entries.values()
        for text in text_values(entry.kind.schema, entry.item.model_dump(exclude_unset=True))
        if text.field == "title" and text.text.startswith("Table 4")
    ]
    assert table_4 == ["service-led-and-outcomes-focused-iriss-2010"]
    three = item(library, "exercise-3-challenges-of-getting-outcomes-into-practice")
    assert three.facilitator_notes == [] and "(addressing-the-challenges)" in three.hub_note
    eight = item(library, "exercise-8-effective-feedback")
    assert eight.training_materials == [] and len(eight.instructions[0].steps) == 3


INVENTED_HEADINGS = {
    "Background", "The outcomes-based assessment", "Six-month review", "Key outcomes", "Support plan", "Support plans",
    "Key feature", "Feedback questions", "What the guide includes", "What personal outcomes should be",
    "What personal outcomes are not", "The five principles of the Act", "After plotting", "Stories and storytelling",
}  # fmt: skip


def test_no_invented_heading_passes_for_the_sources(library: Library) -> None:
    for entry in library.entries.values():
        for text in text_values(entry.kind.schema, entry.item.model_dump(exclude_unset=True)):
            if text.whose == "source" and text.field in ("title", "header"):
                assert text.text not in INVENTED_HEADINGS, (entry.path, text.text)
    for case in ("catriona", "mr-and-mrs-mackay"):
        assert all(block.title is None and block.hub_title is None for block in item(library, case).body)


def test_the_pon_2016_figures_and_links_below(library: Library) -> None:
    captions = {
        "from-personal-to-national-outcomes": "Figure 1: Outcomes at the heart of policy in Scotland",
        "engagement-recording-and-use-of-information": "Figure 1: Triad of Understanding",
    }
    for item_id, caption in captions.items():
        (block,) = [b for b in item(library, item_id).body if getattr(b, "text", None) == caption]
        assert "not reproduced" in block.hub_note
    for block in item(library, "engagement-recording-and-use-of-information").body:
        if "links below" in getattr(block, "text", ""):
            assert "(about-the-personal-outcomes-network-2016)" in block.hub_note


def test_misplaced_text_is_where_the_report_puts_it(library: Library) -> None:
    def words(item_id: str) -> str:
        return normalise(" ".join(sources_words(library, item_id)))

    storytelling = normalise("the importance of stories and storytelling to support culture change")
    assert storytelling not in words("member-voices-good-conversations-workshops")
    assert storytelling in words("resources-for-good-conversations-pon-2022")
    assert normalise("Key resources mentioned") in words("resources-for-good-conversations-pon-2022")
    thanks = normalise("With thanks to Morag Ferguson")
    assert thanks in words("calls-to-action-pon-2022") and thanks not in words("personal-outcomes-network-aims-2022")
    stages = [b for b in item(library, "better-conversations").body if b.hub_note and "stages 2 and 3" in b.hub_note]
    assert len(stages) == 1 and "(conversational-traps)" in stages[0].hub_note


def test_links_the_extraction_lost_are_explained(library: Library) -> None:
    lines = 0
    for entry in library.entries.values():
        for block in getattr(entry.item, "body", []):
            texts = [
                t.text for t in text_values(type(block), block.model_dump(exclude_unset=True)) if t.whose == "source"
            ]
            if any(re.search(r"(find|read) [^.]*\bhere\b|\bhere\.$", text) for text in texts):
                lines += 1
                assert block.hub_note or entry.item.hub_note, (entry.path, texts)
    assert lines >= 8


@pytest.mark.e2e
def test_slips_in_the_source_are_kept_and_marked(built: Path, library: Library) -> None:
    assert item(library, "culture-analysis-template").sic == ["we all we all"]
    assert item(library, "culture-star").sic == ["of the of the"]
    page = (built / "site/worksheets/culture-analysis-template/index.html").read_text("utf-8")
    assert "we all we all" + SIC_MARK in page


def test_link_texts_that_lost_their_address_say_so(library: Library) -> None:
    """The one-stop-shop's "… here." links lost their addresses in the text the hub was made from, which has none
    (so there is no address to print): each is said to be a link, in the hub's words, beside it."""
    source_text = {name: (SEEDS / file).read_text("utf-8") for name, file in SOURCE_FILES.items()}
    found = []
    for entry in library.entries.values():
        texts = list(text_values(entry.kind.schema, entry.item.model_dump(exclude_unset=True, mode="python")))
        notes = " ".join(text.text for text in texts if text.hub)
        for text in texts:
            for sentence in re.findall(r"[^.]*\bhere\.(?=\s|$)", " ".join(text.text.split())):
                if text.hub or "like the one here" in sentence:  # the star's table, which is no link
                    continue
                found.append(entry.id)
                assert "http" not in source_text[entry.item.source.document].split(sentence.strip()[-40:])[0][-300:]
                assert re.search(r"does not give (its|their) address", notes), (entry.path, sentence)
    assert len(found) == 9, found


GUIDE_REFERENCE = re.compile(r"\bpages? \d+(?:(?:, | and )\d+)*|\bappendix\b(?: I\b)?", re.IGNORECASE)


def test_every_reference_to_the_printed_guide_is_replaced_by_the_hubs(library: Library) -> None:
    """ "on page 33", "Appendix I", "the appendix": each, in a source's words, is covered by one of the item's
    hub_refs, so that no reader is sent to a page of a printed guide they do not have (a page of another
    publication, such as the Magic Moments booklet, is left as the source gives it)."""
    found = 0
    for entry in library.entries.values():
        texts = text_values(entry.kind.schema, entry.item.model_dump(exclude_unset=True, mode="python"))
        for text in texts:
            if text.whose != "source":
                continue
            written = " ".join(text.text.split())
            for match in GUIDE_REFERENCE.finditer(written):
                if "appendix" not in match[0].lower() and entry.item.source.document != "iriss-leading-for-outcomes":
                    continue
                found += 1
                covered = any(
                    ref.words in written
                    and written.index(ref.words) <= match.start() < written.index(ref.words) + len(ref.words)
                    for ref in entry.item.hub_refs
                )
                assert covered, (entry.path, match[0])
    assert found >= 10
