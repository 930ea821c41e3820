"""A full build of the real content: pages, PDFs, search, and nothing lost or left behind."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_project, run_build, tree_snapshot
from hub.content import load_library
from hub.content.kinds import KINDS
from hub.site.pagefind import indexed

pytestmark = pytest.mark.e2e  # full builds, and the shared build's pages and PDFs


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def test_every_item_has_a_page_and_its_pdfs(built: Path) -> None:
    library = load_library(built)
    assert len(library.entries) > 80
    for entry in library.entries.values():
        page = built / "site" / entry.kind.folder / entry.id / "index.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        names = (
            [f"{entry.id}-facilitator.pdf", f"{entry.id}-participant.pdf"]
            if entry.kind.name in ("exercise", "quiz")
            else [f"{entry.id}.pdf"]
        )
        for name in names:
            assert (built / "site/pdf" / name).is_file(), name
            assert f'href="../../pdf/{name}"' in html, (entry.id, name)


def test_each_kind_has_a_catalogue_listing_all_its_items(built: Path) -> None:
    library = load_library(built)
    for kind in KINDS.values():
        entries = library.of_kind(kind)
        index = (built / "site" / kind.folder / "index.html").read_text(encoding="utf-8")
        for entry in entries:
            assert f'href="{entry.id}/"' in index


def test_facilitator_handout_holds_the_whole_exercise(built: Path) -> None:
    library = load_library(built)
    for entry in library.of_kind(KINDS["exercises"]):
        text = pdf_text(built / "site/pdf" / f"{entry.id}-facilitator.pdf")
        for outcome in entry.item.learning_outcomes:
            assert flat(outcome) in text
        for note in entry.item.facilitator_notes:
            assert flat(note)[:60] in text
        assert "Instructions" in text


def test_participant_worksheet_has_no_facilitator_notes_or_instructions(built: Path) -> None:
    library = load_library(built)
    for entry in library.of_kind(KINDS["exercises"]):
        text = pdf_text(built / "site/pdf" / f"{entry.id}-participant.pdf")
        for outcome in entry.item.learning_outcomes:
            assert flat(outcome) in text
        assert "Facilitator notes" not in text
        for note in entry.item.facilitator_notes:
            assert flat(note)[:60] not in text
        for step in entry.item.instructions:
            step_text = step if isinstance(step, str) else step.text
            assert flat(step_text)[:60] not in text


def test_pdfs_are_tagged_titled_and_embed_their_fonts(built: Path) -> None:
    for pdf in [*sorted((built / "site/pdf").glob("exercise-1-*.pdf")), built / "site/pdf/sandra.pdf"]:
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, pdf
        assert root["/Lang"] == "en-GB"
        assert root["/MarkInfo"]["/Marked"]
        assert reader.metadata.title and "(" in reader.metadata.title
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row and "Atkinson-Hyperlegible" in row for row in rows), fonts


def test_every_pdf_names_its_source_and_licence(built: Path) -> None:
    text = pdf_text(built / "site/pdf/exercise-1-defining-the-approach-participant.pdf")
    assert "Source: Leading for outcomes: a guide, Iriss" in text
    assert "Licence: Creative Commons" in text and "NonCommercial-ShareAlike 2.5 UK Scotland" in text
    assert "Page 1 of" in text
    text = pdf_text(built / "site/pdf/what-are-personal-outcomes.pdf")
    assert "Social Care Wales" in text and "No licence is stated in the document" in text


def test_search_index_holds_every_item_and_no_developer_page(built: Path) -> None:
    pages = indexed(built / "site")
    library = load_library(built)
    for entry in library.entries.values():
        assert f"{entry.kind.folder}/{entry.id}/" in pages, entry.id
    assert {"performance/", "architecture/", "browser-pack/", "downloads/"}.isdisjoint(pages)
    assert not (built / "site/search/search_index.json").exists()  # the theme's search is the offline build's
    exercise = pages["exercises/exercise-6-risk-taking/"]
    assert exercise["meta"]["title"] == "Exercise 6: Risk-taking"
    assert exercise["meta"]["kind"] == "Exercise"
    assert exercise["meta"]["summary"].startswith("Explore the risks of an outcomes-focused approach")


def test_scenario_pages_link_back_to_the_exercises_that_use_them(built: Path) -> None:
    html = (built / "site/scenarios/sandra/index.html").read_text(encoding="utf-8")
    assert 'href="../../exercises/exercise-5-brainstorming-for-innovative-solutions/"' in html


def test_pages_make_no_requests_to_other_hosts(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for marker in ('src="http', "src='http", 'href="https://fonts', "@import url(http"):
            assert marker not in html, (page, marker)


def test_rebuild_changes_nothing(built: Path, tmp_path: Path) -> None:
    # The shared build copied whole (sources, generated pages, cache and site), as a build leaves it.
    project = Path(shutil.copytree(built, tmp_path / "again", symlinks=True))
    first = tree_snapshot(project / "docs")
    stamps = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("site/ unchanged: 0 PDFs printed, ")
    assert result.stdout.endswith(" unchanged, 0 generated files changed.\n")
    assert tree_snapshot(project / "docs") == first
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == stamps


NEW_EXERCISE = """\
title: Noticing what matters
number: 42
part: 2
summary: A made-up exercise that proves a new file needs no code change.
themes: [conversations]
source: {document: iriss-leading-for-outcomes, section: Test}
learning_outcomes:
  - noticing what matters to a person in an everyday conversation
time: {minutes: 15, text: About a quarter of an hour}
instructions:
  - Ask each person to describe a good conversation they had this week.
facilitator_notes:
  - Keep the discussion on strengths rather than on tasks.
scenarios: [sandra]
"""


def test_adding_then_removing_an_exercise_needs_no_code_and_leaves_nothing(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "growing")
    shutil.copytree(built / ".cache", project / ".cache")
    new = project / "content/exercises/exercise-42-noticing.yml"
    new.write_text(NEW_EXERCISE, encoding="utf-8")
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    # Its two handouts, and Sandra's scenario sheet, which lists the exercises that use her.
    assert "3 PDFs printed" in result.stdout
    page = project / "site/exercises/exercise-42-noticing/index.html"
    assert "Noticing what matters" in page.read_text(encoding="utf-8")
    assert "noticing what matters to a person" in pdf_text(project / "site/pdf/exercise-42-noticing-facilitator.pdf")
    participant = pdf_text(project / "site/pdf/exercise-42-noticing-participant.pdf")
    assert "Keep the discussion on strengths" not in participant
    assert "exercise-42-noticing" in (project / "site/scenarios/sandra/index.html").read_text(encoding="utf-8")

    new.unlink()
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    leftovers = [p for p in project.rglob("*exercise-42*") if ".cache" not in p.parts]
    assert leftovers == []
    assert not [page for page in indexed(project / "site") if "exercise-42" in page]
    assert "exercise-42" not in (project / "site/sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("breakage", ["content", "site"])
def test_failed_build_leaves_site_exactly_as_it_was(built: Path, tmp_path: Path, breakage: str) -> None:
    project = copy_project(tmp_path / "failing")
    shutil.copytree(built / "site", project / "site")
    shutil.copytree(built / ".cache", project / ".cache")
    before = tree_snapshot(project / "site")
    if breakage == "content":
        (project / "content/scenarios/sandra.yml").write_text("title: [unclosed\n", encoding="utf-8")
    else:
        (project / "docs/index.md").write_text("# Home\n\n[Broken](no-such-page.md)\n", encoding="utf-8")
    result = run_build(project, "build")
    assert result.code == 1
    assert "Traceback" not in result.stderr
    if breakage == "site":
        assert "no-such-page.md" in result.stderr
        assert "The previous site/ was left as it was." in result.stderr
    assert tree_snapshot(project / "site") == before
