"""Nothing lost, nothing stale: the build checks that every item has its page, search entry and PDFs before
it replaces site/, and renaming or deleting an item leaves nothing of it behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EPOCH, SITE_URL, copy_project, run_build, tree_snapshot
from hub.pipeline import read_and_render
from hub.settings import Settings
from hub.site.coverage import check_coverage
from hub.site.engines import ENGINES, SiteError
from hub.site.pagefind import indexed, indexed_pages

pytestmark = pytest.mark.e2e  # the shared build, and builds that must fail


@pytest.fixture(scope="module")
def library_and_rendered(built: Path) -> tuple:
    return read_and_render(Settings.load(built, epoch=0))


@pytest.fixture
def staging(built: Path, tmp_path: Path) -> Path:
    """A copy of a complete built site, to break on purpose."""
    return Path(shutil.copytree(built / "site", tmp_path / "staging"))


def coverage_problems(staging: Path, library_and_rendered: tuple) -> list[str]:
    library, rendered = library_and_rendered
    try:
        check_coverage(staging, library, rendered, ENGINES["mkdocs"])
    except SiteError as error:
        first, *rest = str(error).splitlines()
        assert first == "the new site is incomplete:"
        return [line.strip() for line in rest]
    return []


def test_a_complete_site_passes(staging: Path, library_and_rendered: tuple) -> None:
    assert coverage_problems(staging, library_and_rendered) == []


def test_a_missing_page_is_found(staging: Path, library_and_rendered: tuple) -> None:
    shutil.rmtree(staging / "scenarios/sandra")
    assert coverage_problems(staging, library_and_rendered) == [
        "content/scenarios/sandra.yml: no page at scenarios/sandra/"
    ]


def test_a_missing_search_entry_is_found(staging: Path, library_and_rendered: tuple) -> None:
    indexed(staging)["scenarios/sandra/"]["file"].unlink()
    assert coverage_problems(staging, library_and_rendered) == [
        "content/scenarios/sandra.yml: no search entry for scenarios/sandra/"
    ]


def test_a_missing_or_cut_short_pdf_is_found(staging: Path, library_and_rendered: tuple) -> None:
    (staging / "pdf/sandra.pdf").unlink()
    whole = (staging / "pdf/bill.pdf").read_bytes()
    (staging / "pdf/bill.pdf").write_bytes(whole[: len(whole) // 2])
    assert coverage_problems(staging, library_and_rendered) == [
        "content/scenarios/sandra.yml: its page links to ../../pdf/sandra.pdf, which is missing",
        "content/scenarios/bill.yml (handout): pdf/bill.pdf is missing or not a whole PDF",
        "content/scenarios/sandra.yml (handout): pdf/sandra.pdf is missing or not a whole PDF",
    ]


def test_a_page_without_its_pdf_buttons_is_found(staging: Path, library_and_rendered: tuple) -> None:
    page = staging / "scenarios/sandra/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(".pdf", ".pdx"), encoding="utf-8")
    assert coverage_problems(staging, library_and_rendered) == [
        "content/scenarios/sandra.yml: its page links to no PDF"
    ]


def test_pages_and_pdfs_of_items_that_are_gone_are_found(staging: Path, library_and_rendered: tuple) -> None:
    (staging / "scenarios/sandra-smith").mkdir()
    (staging / "scenarios/sandra-smith/index.html").write_text("<p>old</p>", encoding="utf-8")
    (staging / "pdf/sandra-smith.pdf").write_bytes((staging / "pdf/sandra.pdf").read_bytes())
    assert sorted(coverage_problems(staging, library_and_rendered)) == [
        "pdf/sandra-smith.pdf is left over from an item that no longer exists",
        "scenarios/sandra-smith/index.html is left over from an item that no longer exists",
    ]


BREAK_A_PDF_BEFORE_THE_SWAP = r"""
import sys

import hub.pipeline.run

copy = hub.pipeline.run.copy_if_changed


def copy_but_cut_sandra_short(source, target):
    copy(source, target)
    if target.name == "sandra.pdf":
        target.write_bytes(target.read_bytes()[:1000])


hub.pipeline.run.copy_if_changed = copy_but_cut_sandra_short
from hub.cli.main import main

sys.exit(main(["build"]))
"""


def test_the_build_refuses_to_publish_an_incomplete_site(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built / "site", project / "site")
    shutil.copytree(built / ".cache", project / ".cache")
    (project / "content/scenarios/sandra.yml").write_text(
        (project / "content/scenarios/sandra.yml").read_text(encoding="utf-8").replace("title: Sandra\n", "title: S\n"),
        encoding="utf-8",
    )
    before = tree_snapshot(project / "site")
    result = subprocess.run(
        [sys.executable, "-c", BREAK_A_PDF_BEFORE_THE_SWAP],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "HUB_SITE_URL": SITE_URL},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Build failed: the new site is incomplete:",
        "  content/scenarios/sandra.yml (handout): pdf/sandra.pdf is missing or not a whole PDF",
        "The previous site/ was left as it was.",
    ]
    assert tree_snapshot(project / "site") == before
    assert not list((project / ".build").glob("site-*"))


def test_renaming_an_item_leaves_nothing_of_its_old_name(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built / "site", project / "site")
    shutil.copytree(built / ".cache", project / ".cache")
    scenarios = project / "content/scenarios"
    (scenarios / "sandra.yml").rename(scenarios / "sandra-smith.yml")
    for exercise in (project / "content/exercises").glob("exercise-[56]-*.yml"):
        text = exercise.read_text(encoding="utf-8")
        exercise.write_text(text.replace("scenarios: [sandra,", "scenarios: [sandra-smith,"), encoding="utf-8")
    bill = scenarios / "bill.yml"
    # a summary of the hub's that the text does not say again, so it is shown on the page
    summary = "hub_summary: Like [Sandra](sandra-smith), one of the carers in work whose scenarios the guide gives.\n"
    linked = re.sub(r"(?m)^hub_summary: .*\n", lambda _: summary, bill.read_text("utf-8"), count=1)
    bill.write_text(linked, "utf-8")
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    site = project / "site"
    assert (site / "scenarios/sandra-smith/index.html").is_file()
    link = '<a href="../../scenarios/sandra-smith/" rel="noopener noreferrer">Sandra</a>'
    assert link in (site / "scenarios/bill/index.html").read_text("utf-8")
    annotations = [a.get_object() for a in PdfReader(site / "pdf/bill.pdf").pages[0]["/Annots"]]
    links = [str(a["/A"]["/URI"]) for a in annotations if "/A" in a]
    assert f"{SITE_URL}scenarios/sandra-smith/" in links and not [link for link in links if link.startswith("file:")]
    assert (site / "pdf/sandra-smith.pdf").is_file()
    everything = [p.relative_to(project).as_posix() for p in project.rglob("*") if ".cache" not in p.parts]
    assert [name for name in everything if "sandra" in name and "sandra-smith" not in name] == []
    locations = indexed_pages(site)
    assert "scenarios/sandra/" not in locations and "scenarios/sandra-smith/" in locations
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/scenarios/sandra/" not in sitemap and "/scenarios/sandra-smith/" in sitemap
    exercise = (site / "exercises/exercise-5-brainstorming-for-innovative-solutions/index.html").read_text("utf-8")
    assert "../../scenarios/sandra-smith/" in exercise and "../../scenarios/sandra/" not in exercise
