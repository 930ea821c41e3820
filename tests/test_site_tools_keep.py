"""The star, quiz and audit as results people can keep, and on a phone (Chromium).

The star on the page is the build's drawing (hub/model/star.py through
templates/_star.svg.j2) and the script only moves each reading along the
build's axes; it downloads as SVG and PNG and prints on a page of its own.
All three tools survive a reload and ask before clearing what was entered; the
quiz prints a summary; the audit holds ratings before and after training side by side.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from site_browser import axe_violations

from conftest import REPO
from hub.content import load_library
from hub.content.schemas import CultureStar
from hub.model.star import SCREEN, Reading, star_geometry

pytest_plugins = ["site_fixtures"]  # the browser, page (British English) and site_url fixtures
pytestmark = pytest.mark.e2e  # Chromium on the shared build

STAR = "stars/culture-star/"
QUIZ = "quizzes/personal-outcomes-quiz/"
AUDIT = "audits/training-priorities/"
SVG = "{http://www.w3.org/2000/svg}"
MANAGER = [6, 4, 7, 8, 5, 3, 6, 7]
STAFF = [7, 6, 7, 8, 6, 5, 7, 8]


@pytest.fixture(scope="module")
def star() -> CultureStar:
    item = load_library(REPO).entries["culture-star"].item
    assert isinstance(item, CultureStar)
    return item


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 390-pixel phone that fails on any JavaScript error."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB", has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def score_star(page: Page, reading: str, scores: list[int]) -> None:
    rows = page.locator("table.hub-star-scores tbody tr")
    for index, score in enumerate(scores):
        rows.nth(index).locator(f'select[data-reading="{reading}"]').select_option(str(score))


def points_of(text: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in text.split())]


# --- A: one geometry for the PDFs and the page ---------------------------------------


def test_the_readings_are_drawn_on_the_builds_geometry(page: Page, site_url: str, star: CultureStar) -> None:
    page.goto(site_url + STAR)
    score_star(page, "1", MANAGER)
    page.get_by_label("Second reading").fill("Staff")
    score_star(page, "2", STAFF)
    keys = [point.key for point in star.points]
    readings = [
        Reading(name, dict(zip(keys, scores, strict=True))) for name, scores in (("Now", MANAGER), ("Staff", STAFF))
    ]
    expected = star_geometry(star, readings, layout=SCREEN)
    chart = page.locator("[data-star-chart] > svg")
    assert chart.get_attribute("viewBox") == expected.view_box
    drawn_axes = chart.locator("line.star-axis").evaluate_all(
        "lines => lines.map(l => [l.dataset.key, Number(l.dataset.x), Number(l.dataset.y)])"
    )
    assert drawn_axes == [[axis.key, axis.x, axis.y] for axis in expected.axes]
    for shape in expected.readings:
        group = chart.locator(f'g.star-reading[data-reading="{shape.number}"]')
        drawn = points_of(group.locator("polygon").get_attribute("points"))
        assert len(drawn) == len(shape.vertices) == 8
        for (x, y), vertex in zip(drawn, shape.vertices, strict=True):
            assert (x, y) == (pytest.approx(vertex.x, abs=0.05), pytest.approx(vertex.y, abs=0.05))
        markers = group.locator(".star-marker").evaluate_all(
            """markers => markers.map((m) => {
              const n = (name) => Number(m.getAttribute(name));
              return m.tagName === 'circle' ? [n('cx'), n('cy')] : [n('x') + n('width') / 2, n('y') + n('height') / 2];
            })"""
        )
        for (x, y), vertex in zip(markers, shape.vertices, strict=True):
            assert (x, y) == (pytest.approx(vertex.x, abs=0.05), pytest.approx(vertex.y, abs=0.05))
    scripts = sorted((REPO / "docs/assets/javascripts").glob("culture-star*.js"))  # the page's, and its downloads'
    assert [script.name for script in scripts] == ["culture-star-downloads.js", "culture-star.js"]
    for script in scripts:
        trigonometry = re.search(r"Math\.(cos|sin|atan2?|PI)\b", script.read_text())
        assert not trigonometry, f"{script.name} should do no trigonometry"


# --- B: on a phone -------------------------------------------------------------------------


def test_on_a_phone_the_star_is_readable_with_its_definitions_and_a_key(
    phone: Page, site_url: str, star: CultureStar
) -> None:
    phone.goto(site_url + STAR + "#first=6,4,7,8,5,3,6,7&second=7,6,7,8,6,5,7,8&second-name=Staff")
    sizes = phone.locator("[data-star-chart] > svg").evaluate(
        """svg => {
          const scale = svg.getScreenCTM().a;
          const size = (selector) => Math.min(...[...svg.querySelectorAll(selector)].map(
            (text) => scale * Number(text.closest('[font-size]').getAttribute('font-size'))));
          return { labels: size('.star-label'), numbers: size('.star-ring-numbers text') };
        }"""
    )
    assert sizes["labels"] >= 11 and sizes["numbers"] >= 11, sizes
    tool = phone.locator("[data-hub-star]")
    for point in star.points:
        row = tool.locator(f'tr[data-point="{point.key}"]')
        expect(row.locator(".hub-star-point-statement")).to_be_visible()
        expect(row.locator(".hub-star-point-statement")).to_contain_text(point.statement.split("–")[0].strip()[:30])
    legend = tool.locator("[data-star-legend]")
    expect(legend).to_be_visible()
    expect(legend.locator("li:visible")).to_have_text(
        ["Now (filled shape, circles)", "Staff (dashed outline, squares)"], use_inner_text=True
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_on_a_phone_the_quiz_score_bar_stays_slim(phone: Page, site_url: str) -> None:
    phone.goto(site_url + QUIZ)
    phone.get_by_role("radio", name="Yes").first.check()
    phone.get_by_role("button", name="Check (statement 1)").click()
    bar = phone.locator("[data-quiz-status]")
    box = bar.bounding_box()
    assert box is not None and box["height"] <= 64, box  # it covered about 140 pixels before
    assert box["y"] + box["height"] <= 844 + 1  # it sits at the foot of the screen
    expect(bar.get_by_role("button")).to_have_count(0)


# --- Reloading keeps the answers -----------------------------------------------------------


def test_the_star_survives_a_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + STAR)
    page.get_by_label("Title").fill("Our team, May 2026")
    score_star(page, "1", MANAGER)
    page.reload()
    expect(page.get_by_label("Title")).to_have_value("Our team, May 2026")
    expect(page.get_by_role("combobox", name="Community Now")).to_have_value("3")
    expect(page.locator("[data-star-heading]")).to_have_text("Our team, May 2026")
    expect(page.locator('[data-star-chart] g.star-reading[data-reading="1"]')).not_to_have_attribute("display", "none")


def test_quiz_answers_survive_a_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + QUIZ)
    statements = page.locator("ol.hub-quiz > li")
    statements.nth(0).get_by_role("radio", name="Yes").check()
    statements.nth(0).get_by_role("button", name="Check").click()
    statements.nth(2).get_by_role("radio", name="No").check()
    score = page.locator("[data-quiz-score]")
    before = "You have answered 2 of 25 statements and checked 1: 0 of 1 match the suggested answer."
    expect(score).to_have_text(before)
    assert "answers=102" in page.url and "checked=1" in page.url
    page.reload()
    expect(score).to_have_text(before)
    expect(statements.nth(0).get_by_role("radio", name="Yes")).to_be_checked()
    expect(statements.nth(2).get_by_role("radio", name="No")).to_be_checked()
    expect(statements.nth(0).locator(".hub-quiz-feedback")).to_contain_text("the suggested answer is No")
    expect(statements.nth(2).locator(".hub-quiz-feedback")).to_be_empty()


def test_audit_before_and_after_survive_a_reload_and_show_side_by_side(page: Page, site_url: str) -> None:
    page.goto(site_url + AUDIT)
    first = page.get_by_role("group", name="1. Understanding outcomes and the outcomes-focused approach")
    first.get_by_role("group", name="Before training").get_by_role("radio", name="5 = HIGH").check()
    third = page.get_by_role("group", name="3. Addressing the challenges")
    third.get_by_role("group", name="Before training").get_by_role("radio", name="4", exact=True).check()
    status = page.locator("[data-audit-status]")
    expect(status).to_have_text("You have rated 2 of 7 needs: 2 high, 0 medium and 0 lower priorities.")
    after = first.get_by_role("group", name="After training")
    after.get_by_role("radio", name="2", exact=True).focus()
    page.keyboard.press("Space")
    expect(after.get_by_role("radio", name="2", exact=True)).to_be_checked()
    expect(status).to_have_text(
        "You have rated 2 of 7 needs before training and 1 after. "
        "From your ratings after training: 0 high, 0 medium and 1 lower priorities."
    )
    assert "ratings=5%2C0%2C4%2C0%2C0%2C0%2C0" in page.url and "after=2%2C0%2C0%2C0%2C0%2C0%2C0" in page.url
    compare = page.locator("[data-audit-compare] tbody tr")
    expect(compare.nth(0)).to_have_text(re.compile(r"Understanding outcomes.*5\s*2\s*\u22123"))
    expect(compare.nth(2)).to_have_text(re.compile(r"Addressing the challenges\s*4\s*\u2013\s*\u2013"))
    lower = page.locator(".hub-audit-group", has=page.get_by_role("heading", name="Lower priority"))
    expect(lower).to_contain_text("(rated 2 of 5 after training, 5 before)")

    page.reload()
    expect(first.get_by_role("group", name="Before training").get_by_role("radio", name="5 = HIGH")).to_be_checked()
    expect(after.get_by_role("radio", name="2", exact=True)).to_be_checked()
    expect(compare.nth(0)).to_have_text(re.compile(r"5\s*2\s*\u22123"))
    sets = first.locator("fieldset.hub-rating-set")
    before_box, after_box = sets.nth(0).bounding_box(), sets.nth(1).bounding_box()
    assert before_box and after_box and before_box["y"] == after_box["y"] and before_box["x"] < after_box["x"]


# --- Every tool asks before clearing what was entered; the quiz prints a summary ------------

THREE_POINTS = ("Values", "Identity", "Community")
# (page, how to enter something, the clearing button, its question and answer, what shows when nothing is entered)
CLEARING = {
    "quiz": (
        QUIZ,
        lambda page: page.get_by_role("radio", name="Yes").first.check(),
        "Start again",
        "Clear all your answers and start again?",
        "Yes, clear my answers",
        ("[data-quiz-score]", "You have answered 0 of 25 statements and checked 0: 0 of 0 match the suggested answer."),
    ),
    "audit": (
        AUDIT,
        lambda page: page.locator("fieldset.hub-rating-set[data-when='after'] input").nth(2).check(),
        "Clear the ratings",
        "Clear all the ratings, before and after training?",
        "Yes, clear the ratings",
        ("[data-audit-status]", "Rate at least one need to see your priorities."),
    ),
    "star": (
        STAR,
        lambda page: [page.get_by_role("combobox", name=f"{point} Now").select_option("3") for point in THREE_POINTS],
        "Clear the scores",
        "Clear the scores of both readings?",
        "Yes, clear the scores",
        ("[data-star-summary]", "Score at least three points to see your star."),
    ),
}


@pytest.mark.parametrize("tool", CLEARING)
def test_each_tool_asks_before_clearing(page: Page, site_url: str, tool: str) -> None:
    address, enter, clearing, asked, yes, (emptied, empty_text) = CLEARING[tool]
    page.goto(site_url + address)
    enter(page)
    trigger = page.get_by_role("button", name=clearing, exact=True)
    trigger.focus()
    page.keyboard.press("Enter")
    question = page.get_by_role("group", name=asked)
    expect(question).to_be_visible()
    expect(trigger).to_have_attribute("aria-expanded", "true")
    expect(question.get_by_role("button", name="No, keep them")).to_be_focused()
    page.keyboard.press("Enter")  # No: nothing is lost
    expect(question).to_be_hidden()
    expect(trigger).to_be_focused()
    expect(page.locator(emptied)).not_to_have_text(empty_text)

    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # Escape keeps them too
    expect(question).to_be_hidden()
    expect(page.locator(emptied)).not_to_have_text(empty_text)

    trigger.click()
    question.get_by_role("button", name=yes).click()
    expect(page.locator(emptied)).to_have_text(empty_text)
    expect(question).to_be_hidden()
    page.reload()  # nothing is kept in the address either
    expect(page.locator(emptied)).to_have_text(empty_text)
    trigger.click()  # with nothing entered, nothing to ask
    expect(question).to_be_hidden()
    assert axe_violations(page) == []


def test_start_again_puts_the_quiz_back_at_its_first_statement(page: Page, site_url: str) -> None:
    page.goto(site_url + QUIZ)
    page.get_by_role("radio", name="Yes").first.check()
    page.get_by_role("radio", name="No").nth(1).check()
    expect(page.locator("[data-quiz-score]")).to_contain_text("You have answered 2 of 25")
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    expect(page.get_by_role("radio", name="Yes").first).to_be_focused()
    assert "answers=" not in page.url


def test_the_quiz_prints_a_summary_of_the_answers(page: Page, site_url: str) -> None:
    page.goto(site_url + QUIZ + "#answers=12")
    expect(page.get_by_role("button", name="Print your answers")).to_be_visible()
    page.emulate_media(media="print")
    first, second, third = (page.locator("ol.hub-quiz > li").nth(index) for index in range(3))
    reason = "No. It describes a need or barrier, not what the person wants to achieve."
    printed = ["Your answer: Yes.", "Suggested answer from the hub", reason]
    expect(first.locator(".hub-quiz-printed p")).to_have_text(printed)
    expect(first.locator(".hub-quiz-printed [data-provenance='hub']")).to_be_visible()
    expect(second.locator(".hub-quiz-printed p").first).to_have_text("Your answer: No.")
    expect(third.locator(".hub-quiz-printed p").first).to_have_text("Not answered.")
    expect(third.locator(".hub-quiz-printed p").nth(1)).to_be_visible()
    expect(first.locator(".hub-quiz-answer")).to_be_hidden()
    expect(page.get_by_role("button", name="Start again")).to_be_hidden()
    expect(page.locator("[data-quiz-score]")).to_be_visible()


# --- C: the star to keep: SVG, PNG and print -------------------------------------------------


def test_the_star_downloads_as_svg_and_png_with_its_table(browser: Browser, site_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(
        site_url + STAR + "#first=6,4,7,8,5,3,6,7&second=7,6,7,8,6,5,7,8&second-name=Staff&title=Our+team,+May+2026"
    )
    files = {}
    for kind in ("SVG", "PNG"):
        with page.expect_download() as download:
            page.get_by_role("button", name=f"Download the star ({kind})").click()
        files[kind] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[kind])
    assert files["SVG"].name == "culture-star-our-team-may-2026.svg"
    expect(page.locator("[data-star-status]")).to_have_text(
        "Your star is saved as culture-star-our-team-may-2026.png, in your downloads."
    )
    context.close()

    drawing = etree.parse(str(files["SVG"])).getroot()
    assert drawing.tag == f"{SVG}svg"
    width, height = int(drawing.get("width")), int(drawing.get("height"))
    assert drawing.get("viewBox") == f"0 0 {width} {height}"
    assert drawing.find(f"{SVG}title").text.startswith("Our team, May 2026: Now (filled shape, circles): Values 6")
    style = drawing.find(f"{SVG}defs/{SVG}style").text
    assert style.count("@font-face") == 2 and style.count("data:font/woff;base64,") == 2
    assert "font-weight: 400" in style and "font-weight: 700" in style
    embedded = set(re.findall(r'font-family: "([^"]+)"', style))
    assert embedded == {"Atkinson Hyperlegible Next"}
    for element in drawing.iter():  # every text of the picture asks first for the embedded font
        if element.get("font-family"):
            assert element.get("font-family").split(",")[0].strip("'\" ") in embedded, element.get("font-family")
    shapes = drawing.findall(f".//{SVG}polygon[@class='star-reading-shape']")
    assert [shape.get("data-reading") for shape in shapes] == ["1", "2"]
    texts = [text.text for text in drawing.iter(f"{SVG}text")]
    assert "Our team, May 2026" in texts and "Now (filled shape, circles)" in texts
    table = texts[texts.index("Point") :]
    assert table[:4] == ["Point", "Now", "Staff", "Change"]
    assert table[4:8] == ["Values", "6", "7", "+1"]
    assert table[table.index("Average") :][:4] == ["Average", "5.8", "6.8", "+1"]

    with Image.open(files["PNG"]) as image:
        assert image.format == "PNG"
        assert image.size == (2 * width, 2 * height)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours and len(colours) > 50  # drawn, not blank


def test_print_the_star_prints_the_star_table_and_key_alone(page: Page, site_url: str) -> None:
    page.add_init_script("window.print = () => { window.printedWith = document.documentElement.className; };")
    page.goto(site_url + STAR + "#first=6,4,7,8,5,3,6,7&second=7,6,7,8,6,5,7,8")
    expect(page.get_by_text("run this command")).to_have_count(0)
    page.get_by_role("button", name="Print the star").click()
    assert "hub-print-star" in page.evaluate("window.printedWith")
    page.evaluate("document.documentElement.classList.add('hub-print-star')")
    page.emulate_media(media="print")
    expect(page.locator("[data-star-chart] > svg")).to_be_visible()
    expect(page.locator("[data-star-legend]")).to_be_visible()
    expect(page.locator("[data-star-results]")).to_be_visible()
    expect(page.locator("[data-star-results] tbody tr")).to_have_count(9)
    for hidden in ("h1", ".hub-star-entry", ".hub-star-names", ".hub-downloads", "#star-tool-heading"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".md-content button:visible")).to_have_count(0)


# --- D: accessibility and width ------------------------------------------------------------

IN_USE = {
    STAR: STAR + "#first=6,4,7,8,5,3,6,7&second=7,6,7,8,6,5,7,8&second-name=Staff&title=Team",
    AUDIT: AUDIT + "#ratings=5,4,3,2,1,0,4&after=3,2,2,1,1,0,3",
    QUIZ: QUIZ + "#answers=12&checked=1",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations_on_a_phone(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in IN_USE.values():
        page.goto(site_url + path)
        if path.startswith(QUIZ):
            page.get_by_role("button", name="Start again").click()  # the question it asks is checked too
        found += [f"{path} {line}" for line in axe_violations(page)]
    context.close()
    assert found == []


def test_nothing_scrolls_sideways_at_320_pixels(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    for path in IN_USE.values():
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def test_the_filled_star_downloads_as_a_pdf_with_its_table(page: Page, site_url: str, tmp_path: Path) -> None:
    """Made in the browser by pack.js (loaded on the click), in the shipped fonts, tagged, as `build.py star` prints."""
    page.goto(
        site_url + "stars/culture-star/#first=6,4,7,5,3,8,4,6&second=7,5,7,6,5,8,5,7"
        "&first-name=Before&second-name=After&title=Our+team%2C+May+2026"
    )
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="Download the star and its scores (PDF)").click()
    target = tmp_path / "star.pdf"
    download.value.save_as(target)
    assert download.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(target)
    assert len(reader.pages) == 1 and "/StructTreeRoot" in reader.trailer["/Root"]
    text = " ".join(
        subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Our team, May 2026" in text and "Before" in text and "After" in text
    assert "Average 5.4 6.3 +0.9" in text


def test_the_star_pdf_needs_a_whole_first_reading(page: Page, site_url: str) -> None:
    page.goto(site_url + "stars/culture-star/#first=6,4,7,0,0,0,0,0")
    page.get_by_role("button", name="Download the star and its scores (PDF)").click()
    expect(page.locator("[data-star-status]")).to_contain_text("score every point of the first reading")
