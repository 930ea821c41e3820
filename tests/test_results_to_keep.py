"""Results people can keep (issue 13, item 6): the culture star as a PDF, a picture and a drawing, made in
the browser; the quiz's answers in the address, through a reload, and printed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytest_plugins = ["site_fixtures"]  # the browser, page and site_url fixtures

STAR = (
    "stars/culture-star/#first=6,4,7,5,3,8,4,6&second=7,5,7,6,5,8,5,7"
    "&first-name=Before&second-name=After&title=Our+team%2C+May+2026"
)


def test_the_culture_star_downloads_as_a_pdf_a_picture_and_a_drawing(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + STAR)
    files = {}
    for kind, label in (("pdf", "Download the star (PDF)"), ("png", "a picture (PNG)"), ("svg", "a drawing (SVG)")):
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name=re.compile(re.escape(label))).click()
        assert download.value.suggested_filename == f"our-team-may-2026.{kind}"
        files[kind] = tmp_path / f"star.{kind}"
        download.value.save_as(files[kind])
    reader = PdfReader(files["pdf"])
    assert len(reader.pages) == 1 and reader.metadata.title == "Our team, May 2026 (culture star)"
    text = " ".join(
        subprocess.run(["pdftotext", "-raw", str(files["pdf"]), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Scores from 1 to 10, and the change from Before to After" in text
    assert "Learning and change 3 5 +2" in text and "Average 5.4 6.3 +0.9" in text
    structure = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()["/K"]
    figure = next(kid.get_object() for kid in structure if kid.get_object()["/S"] == "/Figure")
    assert "Before (filled shape, circles): Values 6" in figure["/Alt"]
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    drawing = files["svg"].read_text(encoding="utf-8")
    assert drawing.startswith("<svg") and "<title>Our team, May 2026</title>" in drawing and "Communication" in drawing


def test_the_star_pdf_needs_a_whole_first_reading(page: Page, site_url: str) -> None:
    page.goto(site_url + "stars/culture-star/#first=6,4,7,0,0,0,0,0")
    page.get_by_role("button", name="Download the star (PDF)").click()
    expect(page.locator("[data-star-download-status]")).to_have_text(
        "For the PDF, score every point of the first reading (and all or none of the second)."
    )


def test_quiz_answers_survive_a_reload_and_print(page: Page, site_url: str) -> None:
    page.goto(site_url + "quizzes/personal-outcomes-quiz/")
    statements = page.locator("[data-hub-quiz] > li")
    statements.nth(0).get_by_role("radio").first.check()
    statements.nth(1).get_by_role("radio").nth(1).check()
    statements.nth(0).get_by_role("button", name=re.compile("^Check")).click()
    expect(page.locator("[data-quiz-score]")).to_contain_text("You have answered 2 of 25 statements and checked 1")
    assert "answers=1%2C2%2C0" in page.url and "checked=1" in page.url
    page.reload()
    expect(page.locator("[data-quiz-score]")).to_contain_text("You have answered 2 of 25 statements and checked 1")
    expect(statements.nth(1).get_by_role("radio").nth(1)).to_be_checked()
    expect(statements.nth(0).locator(".hub-quiz-feedback")).not_to_be_empty()
    page.emulate_media(media="print")
    expect(page.locator("[data-quiz-score]")).to_be_visible()
    expect(page.get_by_role("button", name="Print my answers")).to_be_hidden()
