"""The planner's workshop pack, made in the browser (docs/browser-pack.md), in Debian's Chromium.

A session is planned by mouse and by keyboard, the pack is downloaded and read with pypdf and
pdftotext: its pages, agenda times, each exercise's learning outcomes, bookmarks, page numbers and
tags.  The same from the unzipped offline build (file://).  The browser's pack has the same text in
the same order as `build.py pack --plan` for the same address, and the participant sets of the planner
and of the training-priorities audit are `build.py pack --participants`'s.  Hand-edited addresses give
plain messages and never markup.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from site_browser import axe_violations

from conftest import SITE_URL, pdf_bookmarks, run_build
from hub.content import load_library

pytestmark = pytest.mark.e2e

pytest_plugins = ["site_fixtures"]  # the browser, page and site_url fixtures

PLANNER = "exercises/plan/"
AUDIT = "audits/training-priorities/"
AUDIT_RATINGS = [1, 0, 0, 4, 0, 0, 3]  # the audit's address: 0 is not rated (rated 1, low, for build.py)
BLANK_NOTE = "This page is intentionally blank"
EX3 = "exercise-3-challenges-of-getting-outcomes-into-practice"
EX5 = "exercise-5-brainstorming-for-innovative-solutions"
EX6 = "exercise-6-risk-taking"
EX8 = "exercise-8-effective-feedback"
A_DAY = (
    "title=Team+day&date=2026-05-14&place=Room+2%2C+Leith&start=09:30&welcome=10"
    f"&ex={EX3}.60&break=15&ex={EX6}.45&lunch=45&note=20.Case+discussion&ex={EX5}.60"
)


# --- reading PDFs ----------------------------------------------------------------------


def page_texts(pdf: Path, body_only: bool = False) -> list[str]:
    """Each page's text in the order it was drawn; ``body_only`` leaves out the running header and footer."""
    pages = len(PdfReader(pdf).pages)
    crop = ["-x", "0", "-y", "60", "-W", "600", "-H", "695"] if body_only else []
    texts = []
    for number in range(1, pages + 1):
        command = ["pdftotext", "-raw", "-f", str(number), "-l", str(number), *crop, str(pdf), "-"]
        texts.append(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return texts


def footer_texts(pdf: Path) -> list[str]:
    """Each page's footer (the foot of the page, below the text area), its lines in reading order."""
    pages = len(PdfReader(pdf).pages)
    crop = ["-x", "0", "-y", "755", "-W", "600", "-H", "90"]
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), *crop, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for n in range(1, pages + 1)
    ]


def images_on(pdf: Path, number: int) -> int:
    """How many images page ``number`` draws (a QR code is one), as poppler lists them."""
    done = subprocess.run(
        ["pdfimages", "-list", "-f", str(number), "-l", str(number), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    )
    return sum(1 for line in done.stdout.splitlines()[2:] if line.split()[2] == "image")


def words(text: str) -> str:
    """Text with the contents' dot leaders gone, words split at a line's end joined, and spaces evened."""
    text = re.sub(r"(?:\.\s){3,}\.?", " ", text)
    text = re.sub(r"(?<=[A-Za-z])-\s*\n\s*(?=[A-Za-z])", "-", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without white space, leaders or Markdown emphasis, in lower case (headings are set in capitals)."""
    return re.sub(r"\s+", "", words(text).replace("**", "").replace("*", "")).lower()


def untagged_content(reader: PdfReader) -> list[str]:
    """Marked content that the structure tree does not reach: (page, MCID) for each."""
    root = reader.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    nums = tree["/ParentTree"].get_object()["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    lost = []
    for index, page in enumerate(reader.pages):
        key = page.get("/StructParents")
        owners = parents.get(int(key)) if key is not None else None
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"BDC" and isinstance(operands[1], DictionaryObject) and "/MCID" in operands[1]:
                mcid = int(operands[1]["/MCID"])
                owner = owners[mcid].get_object() if owners is not None and mcid < len(owners) else None
                if owner is None or owner.get("/Type") != "/StructElem":
                    lost.append(f"page {index + 1} MCID {mcid}")
    return lost


# --- using the planner -----------------------------------------------------------------


def download_pack(page: Page, target: Path) -> Path:
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the pack (PDF)").click()
    download.value.save_as(target)
    expect(page.locator("[data-plan-pack-status]")).to_contain_text("Your pack is downloaded")
    print(f"pack made in {page.locator('[data-hub-planner]').get_attribute('data-pack-seconds')} s")
    return target


def agenda(page: Page) -> list[list[str]]:
    return [row.locator("td").all_inner_texts() for row in page.locator("[data-plan-agenda] tbody tr").all()]


@pytest.fixture(scope="module")
def library(built: Path):
    return load_library(built)


def check_the_pack(pdf: Path, library, exercises: list[str], agenda_rows: list[tuple[str, str]]) -> PdfReader:
    """What every pack must be: its agenda, each exercise's outcomes, bookmarks, page numbers and tags."""
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    total = len(reader.pages)
    for number, text in enumerate(texts, start=1):
        if words(text) == BLANK_NOTE:  # a left-hand page left blank, so that what follows starts on a right
            assert number % 2 == 0 and not squash(texts[number]).startswith(squash(BLANK_NOTE)), number
        else:
            assert f"Page {number} of {total}" in text, number
    for depth, title, page_number in pdf_bookmarks(reader):  # each exercise and participant section on a right
        if title != "Contents" and depth <= 1 and title not in ("Agenda", "Materials and room preparation"):
            assert page_number % 2 == 1, (title, page_number)
    front = words(texts[0] + texts[1])
    for time, title in agenda_rows:
        assert re.search(re.escape(time) + r"\s+" + re.escape(title), front), (time, title)
    whole = squash(" ".join(texts))
    position = 0
    marks = pdf_bookmarks(reader)
    for exercise_id in exercises:
        exercise = library.entries[exercise_id].item
        heading = f"Exercise {exercise.number}: {exercise.title}"
        assert (0, heading) in [(depth, title) for depth, title, _ in marks]
        position = whole.index(squash(heading + " Facilitator’s guide"), position)
        for outcome in exercise.learning_outcomes:
            position = whole.index(squash(outcome), position)
        position = whole.index(squash("Participant materials"), position)
        for outcome in exercise.learning_outcomes:
            position = whole.index(squash(outcome), position)
    assert [title for depth, title, _ in marks[1:4]] == ["Contents", "Agenda", "Materials and room preparation"]
    for depth, title, page_number in marks:
        if depth == 1:
            assert squash(title) in squash(texts[page_number - 1]), (title, page_number)
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert untagged_content(reader) == []
    return reader


# --- the tests ---------------------------------------------------------------------------


def test_plan_by_mouse_and_download_the_pack(page: Page, site_url: str, library, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 1600})  # a drag scrolls no page
    page.goto(site_url + PLANNER)
    for number in (3, 6):
        page.get_by_role("button", name=f"Add to the session (Exercise {number}:").click()
    page.get_by_role("button", name="Welcome (10 min)").click()
    page.get_by_role("button", name="Lunch (45 min)").click()
    items = page.locator("[data-plan-items] > li")
    expect(items).to_have_count(4)
    items.nth(2).locator(".hub-plan-drag").drag_to(items.nth(0))  # the welcome first, by its handle
    expect(items.nth(0).locator("input[data-action=name]")).to_have_value("Welcome")
    page.get_by_label("Minutes for Exercise 3:").fill("60")
    page.get_by_label("Minutes for Exercise 3:").press("Enter")
    page.get_by_label("Title").fill("Team day")
    assert agenda(page) == [
        ["09:30", "Welcome", "10 min", "10 min"],
        ["09:40", "Exercise 3: The challenges of getting outcomes into practice", "1 h", "1 h 10 min"],
        ["10:40", "Exercise 6: Risk-taking", "45 min", "1 h 55 min"],
        ["11:25", "Lunch", "45 min", "2 h 40 min"],
        ["12:10", "Finish", "", "2 h 40 min"],
    ]
    pdf = download_pack(page, tmp_path / "pack.pdf")
    reader = check_the_pack(
        pdf, library, [EX3, EX6], [("09:30", "Welcome"), ("09:40", "Exercise 3"), ("11:25", "Lunch")]
    )
    assert reader.metadata.title == "Team day (workshop pack)"


def test_plan_by_keyboard_and_keep_it_in_the_address(page: Page, site_url: str, tmp_path: Path, library) -> None:
    page.goto(site_url + PLANNER)

    def press_on(locator, *keys: str) -> None:
        locator.focus()
        for key in keys or ("Enter",):
            page.keyboard.press(key)

    press_on(page.get_by_label("Title"))
    page.keyboard.type("Afternoon <b>session</b>")
    press_on(page.get_by_label("Start time"))
    page.keyboard.type("1330")
    page.keyboard.press("Tab")
    press_on(page.get_by_role("button", name="Add to the session (Exercise 8:"), "Enter")
    press_on(page.get_by_role("button", name="Add to the session (Exercise 5:"), "Space")
    press_on(page.get_by_role("button", name="Move up (Exercise 5:"), "Enter")
    expect(page.get_by_role("button", name="Move down (Exercise 5:")).to_be_focused()
    press_on(page.get_by_role("button", name="Break after (Exercise 5:"), "Enter")
    expect(page.get_by_label("Minutes for Break")).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    expect(page.locator("[data-plan-total]")).to_have_text(
        "2 exercises, from 13:30 to 15:20: 1 h 50 min in all, including 20 min of breaks."
    )
    assert agenda(page)[1] == ["14:30", "Break", "20 min", "1 h 20 min"]
    shared = page.url
    assert f"ex={EX5}.60&break=20&ex={EX8}.30" in shared and "title=Afternoon+%3Cb%3Esession%3C%2Fb%3E" in shared
    page.goto(site_url)
    page.goto(shared)
    expect(page.get_by_label("Title")).to_have_value("Afternoon <b>session</b>")
    assert page.locator("[data-hub-planner] b").count() == 0
    press_on(page.get_by_role("button", name="Download the pack (PDF)"), "Tab", "Shift+Tab")
    with page.expect_download(timeout=60_000) as download:
        page.keyboard.press("Enter")
    download.value.save_as(tmp_path / "keyboard.pdf")
    check_the_pack(tmp_path / "keyboard.pdf", library, [EX5, EX8], [("13:30", "Exercise 5"), ("14:30", "Break")])
    assert "Afternoon <b>session</b>" in words(page_texts(tmp_path / "keyboard.pdf")[0])


@pytest.fixture(scope="module")
def cli_day(built: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`build.py pack --plan` for A_DAY: the pack and its participant set, printed once for the module."""
    folder = tmp_path_factory.mktemp("cli-day")
    pack, participants = folder / "cli.pdf", folder / "cli-participants.pdf"
    result = run_build(built, "pack", "--plan", "#" + A_DAY, "-o", str(pack), "--participants", str(participants))
    assert result.code == 0, result.stderr
    assert result.stdout.endswith(f"Wrote {participants}: the participant set, to photocopy one for each person.\n")
    return pack, participants


def same_pages(browser_pdf: Path, cli_pdf: Path) -> list[tuple[int, str, int]]:
    """The two PDFs have the same text on each page, in the same order, and the same bookmarks (returned)."""
    browser_pages, cli_pages = page_texts(browser_pdf, body_only=True), page_texts(cli_pdf, True)
    assert len(browser_pages) == len(cli_pages)
    for number, (ours, theirs) in enumerate(zip(browser_pages, cli_pages, strict=True), start=1):
        assert words(ours) == words(theirs), f"page {number}"
    browser_marks, cli_marks = pdf_bookmarks(PdfReader(browser_pdf)), pdf_bookmarks(PdfReader(cli_pdf))
    assert browser_marks == cli_marks
    return cli_marks


def test_the_browser_pack_is_the_command_line_pack(
    page: Page, site_url: str, cli_day: tuple[Path, Path], tmp_path: Path
) -> None:
    page.goto(site_url + PLANNER + "#" + A_DAY)
    browser_pdf = download_pack(page, tmp_path / "browser.pdf")
    cli_pdf = cli_day[0]
    cli_marks = same_pages(browser_pdf, cli_pdf)
    # The checklist gives each exercise's participant pages, from the first to the last, in both (as the text
    # is the same): the pages whose running header names them.
    texts = page_texts(cli_pdf)
    listed = re.search(r"for each person: (.*?)\. ", words(" ".join(texts[:3])))
    assert listed
    said = {}
    for number, first, one, last in re.findall(r"Exercise (\d), pages? (\d+)(?:(–)(\d+))?", listed[1]):
        said[int(number)] = list(range(int(first), int(last if one else first) + 1))
    found: dict[int, list[int]] = {}
    blank = [" ".join(text.split()) == "This page is intentionally blank" for text in texts]
    for index, text in enumerate(texts, start=1):
        header = re.search(r"^Exercise (\d): .* · participant materials Outcomes Hub$", text, re.M)
        if header:
            found.setdefault(int(header[1]), []).append(index)
    said = {number: [page for page in pages if not blank[page - 1]] for number, pages in said.items()}
    assert said == found and list(said) == [3, 6, 5]  # blanks before sheets handed out later aside
    # The footers too: a QR code and an "Online:" link to the planner on the front pages, at the site's address.
    browser_feet, cli_feet = footer_texts(browser_pdf), footer_texts(cli_pdf)
    assert [words(foot) for foot in browser_feet] == [words(foot) for foot in cli_feet]
    assert f"Online: {SITE_URL.removeprefix('https://')}exercises/plan/" in words(browser_feet[0])
    front = first_exercise_page(cli_marks) - 1
    pages = range(1, front + 1)
    assert [images_on(browser_pdf, n) for n in pages] == [images_on(cli_pdf, n) for n in pages] == [1] * front


PARTICIPANT_SET = "Download the participant set (PDF)"
PARTICIPANT_SET_LOADED = "() => Array.from(document.scripts).some((s) => s.src.includes('participant-set.js'))"


def download_participant_set(page: Page, key: str, filename: str, target: Path) -> Path:
    """Presses the participant set's button with ``key`` and saves what it downloads at ``target``, checking that
    its script loads only on the press and that the file is offered as ``filename``."""
    button = page.get_by_role("button", name=PARTICIPANT_SET)
    expect(button).to_be_visible()
    assert not page.evaluate(PARTICIPANT_SET_LOADED)
    button.focus()
    with page.expect_download(timeout=60_000) as download:
        page.keyboard.press(key)
    assert download.value.suggested_filename == filename
    download.value.save_as(target)
    return target


def test_the_participant_set_from_the_planner_is_the_command_lines(
    page: Page, site_url: str, cli_day: tuple[Path, Path], tmp_path: Path
) -> None:
    """The participant set, asked for by keyboard beside the pack's download, loaded only then: the same pages,
    text, bookmarks and footers as `build.py pack --plan ADDRESS --participants PDF`, each exercise on a fresh
    sheet, tagged, with its own page numbers."""
    page.goto(site_url + PLANNER + "#" + A_DAY)
    browser_pdf = download_participant_set(page, "Enter", "team-day-participants.pdf", tmp_path / "participants.pdf")
    status = page.locator("[data-plan-pack-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("Your participant set is downloaded: ")
    assert page.evaluate(PARTICIPANT_SET_LOADED)
    cli_pdf = cli_day[1]
    marks = same_pages(browser_pdf, cli_pdf)
    assert [title for _, title, _ in marks] == [
        "Exercise 3: The challenges of getting outcomes into practice",
        "Exercise 6: Risk-taking",
        "Exercise 5: Brainstorming for innovative solutions",
    ]
    assert all(number % 2 == 1 for _, _, number in marks)  # each exercise on a fresh sheet
    assert [words(foot) for foot in footer_texts(browser_pdf)] == [words(foot) for foot in footer_texts(cli_pdf)]
    reader = PdfReader(browser_pdf)
    texts = page_texts(browser_pdf)
    for number, text in enumerate(texts, start=1):
        if words(text) == BLANK_NOTE:
            assert number % 2 == 0, number
        else:
            assert f"Page {number} of {len(texts)}" in text and "Facilitator’s guide" not in text, number
    assert reader.metadata.title == "Team day (participant set)" == PdfReader(cli_pdf).metadata.title
    assert reader.trailer["/Root"]["/Lang"] == "en-GB" and untagged_content(reader) == []


def first_exercise_page(marks: list[tuple[int, str, int]]) -> int:
    return next(page for depth, title, page in marks if depth == 0 and title.startswith("Exercise "))


def test_at_a_placeholder_address_neither_pack_has_qr_codes_or_links(
    page: Page, site_url: str, built: Path, tmp_path: Path
) -> None:
    """The planner reads what a build at a placeholder address writes (hub.pipeline.browser_pack.planner_link:
    no short link, no QR code), and draws its front pages' footers as the command line prints them there."""

    def unpublished(route: Route) -> None:
        response = route.fetch()
        body, found = re.subn(r'"planner":\{[^}]*\}', '"planner":{"qr":"","shortLink":"","url":""}', response.text())
        assert found == 1
        route.fulfill(response=response, body=body)

    page.route("**/pack/pack-data.js*", unpublished)
    page.goto(site_url + PLANNER + "#" + A_DAY)
    browser_pdf = download_pack(page, tmp_path / "browser.pdf")
    result = run_build(built, "pack", "--plan", "#" + A_DAY, "-o", str(tmp_path / "cli.pdf"), site_url=None)
    assert result.code == 0, result.stderr
    assert "carry no QR codes or links" in result.stderr
    browser, cli = PdfReader(browser_pdf), PdfReader(tmp_path / "cli.pdf")
    front = first_exercise_page(pdf_bookmarks(cli)) - 1
    assert front == first_exercise_page(pdf_bookmarks(browser)) - 1 >= 2
    browser_feet, cli_feet = footer_texts(browser_pdf)[:front], footer_texts(tmp_path / "cli.pdf")[:front]
    assert [words(foot) for foot in browser_feet] == [words(foot) for foot in cli_feet]
    for number, foot in enumerate(cli_feet, start=1):
        assert "Online:" not in foot and "Outcomes Hub edition of 1 January 2026" in words(foot), number
        assert images_on(browser_pdf, number) == images_on(tmp_path / "cli.pdf", number) == 0, number


def test_the_pack_from_the_offline_zip(browser: Browser, built: Path, tmp_path: Path, library) -> None:
    site = tmp_path / "outcomes-hub"
    env = {**os.environ, "OFFLINE": "true", "HUB_INSTANT": "off", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=built, env=env, capture_output=True, text=True, check=False)  # as make offline
    assert done.returncode == 0, done.stderr
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(tmp_path / "hub.zip"), str(site)], check=True)
    with zipfile.ZipFile(tmp_path / "hub.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    planner = (tmp_path / "unzipped/outcomes-hub/exercises/plan.html").as_uri()
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(planner + "#" + A_DAY)
    pdf = download_pack(page, tmp_path / "offline.pdf")
    check_the_pack(
        pdf, library, [EX3, EX6, EX5], [("09:30", "Welcome"), ("11:40", "Lunch"), ("12:25", "Case discussion")]
    )
    audit = (tmp_path / "unzipped/outcomes-hub/audits/training-priorities.html").as_uri()  # its participant set
    page.goto(audit + "#ratings=" + ",".join(map(str, AUDIT_RATINGS)))
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the participant set (PDF)").click()
    download.value.save_as(tmp_path / "audit-participants.pdf")
    assert [title for _, title, _ in pdf_bookmarks(PdfReader(tmp_path / "audit-participants.pdf"))] == [
        "Exercise 4: Asking the right questions",
        "Exercise 8: What makes for effective feedback?",
    ]
    assert all(url.startswith(("file://", "blob:")) for url in requested), [
        url for url in requested if not url.startswith(("file://", "blob:"))
    ]
    assert errors == []
    context.close()


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "ex=exercise-99-nothing.30&ex=" + EX3,
            'The address names an exercise the hub does not have ("exercise-99-nothing")',
        ),
        (f"ex={EX3}.99999&lunch=-5", '2 lengths in the address are not from 5 to 480 minutes (such as "99999")'),
        (f"start=25:00&ex={EX3}", '"25:00" is not a time of day on the 24-hour clock, so the session starts at 09:30.'),
        ("&".join(["break=5"] * 10_000), "The address lists 10,000 items; a session holds at most 40"),
        ("&".join(f"ex=x{n}" for n in range(10_000)), "The address names 10,000 exercises the hub does not have"),
        (
            "title=%3Cimg+src%3Dx+onerror%3Dwindow.hacked%3D1%3E&note=10.%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E"
            "&colour=%3Ci%3Ered%3C%2Fi%3E",
            'The address has a part the planner does not know ("colour")',
        ),
    ],
    ids=["unknown exercise", "absurd minutes", "25:00", "ten thousand items", "ten thousand unknown", "markup"],
)
def test_hand_edited_addresses_give_plain_messages(page: Page, site_url: str, address: str, message: str) -> None:
    page.goto(site_url + PLANNER + "#" + address)
    messages = page.locator("[data-plan-messages]")
    expect(messages).to_be_visible()
    expect(messages).to_contain_text(message)
    expect(page.get_by_role("heading", name="Your session")).to_be_visible()
    assert page.locator("[data-hub-planner] img, [data-hub-planner] script, [data-hub-planner] i").count() == 0
    assert page.evaluate("window.hacked") is None
    assert page.locator("[data-plan-items] > li").count() <= 40


def test_the_participants_agenda_has_times_and_titles_only(page: Page, site_url: str) -> None:
    page.goto(site_url + PLANNER + "#" + A_DAY)
    link = page.get_by_role("link", name="Agenda for participants")
    link.click()
    participants = page.locator("[data-plan-participants]")
    expect(participants).to_be_visible()
    expect(page.get_by_role("heading", name="Your session")).to_be_hidden()
    expect(participants.get_by_role("heading", name="Team day")).to_be_visible()
    expect(participants).to_contain_text("Thursday 14 May 2026 · Room 2, Leith · 09:30 to 13:45")
    rows = [row.locator("td").all_inner_texts() for row in participants.locator("tbody tr").all()]
    assert rows[:3] == [
        ["09:30", "Welcome"],
        ["09:40", "Exercise 3: The challenges of getting outcomes into practice"],
        ["10:40", "Break"],
    ]
    assert rows[-1] == ["13:45", "Finish"]
    page.emulate_media(media="print")
    expect(participants.get_by_role("button", name="Print this agenda")).to_be_hidden()
    expect(participants.locator("table")).to_be_visible()
    page.emulate_media(media="screen")
    participants.get_by_role("link", name="Open the plan in the planner").click()
    expect(page.get_by_role("heading", name="Your session")).to_be_visible()


def test_an_end_time_and_a_summary_that_stays_in_view_on_phones(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB", is_mobile=True)
    page = context.new_page()
    page.goto(site_url + PLANNER + "#" + A_DAY.replace("start=09:30", "start=09:30&end=13:30"))
    expect(page.locator("[data-plan-target]")).to_have_text("Ends at 13:45, 15 min after your end time of 13:30.")
    page.get_by_role("link", name="Exercise 7: What difference has the approach made?").scroll_into_view_if_needed()
    sticky = page.locator("[data-plan-sticky]")
    expect(sticky).to_have_text("3 exercises · 4 h 15 min · ends 13:45")
    box = sticky.bounding_box()
    assert box is not None and 844 - 80 < box["y"] + box["height"] <= 845, box
    context.close()


def test_a_plan_with_no_exercise_or_past_midnight_makes_no_pack(page: Page, site_url: str) -> None:
    page.goto(site_url + PLANNER + "#lunch=45")
    download = page.get_by_role("button", name="Download the pack (PDF)")
    expect(download).to_have_attribute("aria-disabled", "true")
    expect(page.locator("[data-plan-pack-status]")).to_have_text("Add at least one exercise for a pack.")
    page.goto(site_url + PLANNER + "#start=23:00&ex=" + quote(EX3) + ".120")
    said = "The session would end after midnight (01:00 the next day); start earlier or shorten it."
    expect(page.locator("[data-plan-target]")).to_have_text(said)
    expect(page.locator("[data-plan-pack-status]")).to_have_text(said)
    download.click(force=True)  # pressed all the same: still no pack, and the same reason
    expect(page.locator("[data-plan-pack-status]")).to_have_text(said)
    page.get_by_label("Start time").fill("21:00")
    page.get_by_label("Start time").press("Tab")
    expect(download).to_have_attribute("aria-disabled", "false")
    expect(page.locator("[data-plan-pack-status]")).to_have_text("")


def test_the_audit_downloads_a_pack_for_its_priorities(page: Page, site_url: str, library, tmp_path: Path) -> None:
    page.goto(site_url + "audits/training-priorities/#ratings=5,0,3,0,0,2,0")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download a workshop pack for these priorities (PDF)").click()
    download.value.save_as(tmp_path / "priorities.pdf")
    assert download.value.suggested_filename == "training-priorities-pack.pdf"
    exercises = ["exercise-1-defining-the-approach", EX3]
    check_the_pack(tmp_path / "priorities.pdf", library, exercises, [("09:30", "Exercise 1"), ("10:30", "Exercise 3")])
    assert "A workshop for your training priorities" in words(page_texts(tmp_path / "priorities.pdf")[0])


def test_the_participant_set_from_the_audit_is_the_command_lines(
    page: Page, site_url: str, built: Path, library, tmp_path: Path
) -> None:
    """Beside the audit's pack, by keyboard, loaded only then and said in the pack's status line: the same
    pages, text, bookmarks and footers as `build.py pack --audit RATINGS --participants PDF` for the same
    ratings (rated 1 where the page has none: the page's high and medium priorities are the command's)."""
    page.goto(site_url + AUDIT + "#ratings=" + ",".join(map(str, AUDIT_RATINGS)))
    assert axe_violations(page) == []
    browser_pdf = download_participant_set(
        page, "Space", "training-priorities-participants.pdf", tmp_path / "participants.pdf"
    )
    status = page.locator("[data-audit-results] [role=status]")
    expect(status).to_have_text(re.compile(r"^Your participant set is downloaded: \d+ pages\.$"))
    expect(page.get_by_role("button", name=PARTICIPANT_SET)).to_be_focused()
    assert page.evaluate(PARTICIPANT_SET_LOADED)

    ratings = tmp_path / "ratings.yml"
    needs = library.entries["training-priorities"].item.needs
    lines = [f"{need.need}: {rating or 1}" for need, rating in zip(needs, AUDIT_RATINGS, strict=True)]
    ratings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli_pdf = tmp_path / "cli-participants.pdf"
    result = run_build(
        built, "pack", "--audit", str(ratings), "--minutes", "480", "-o", str(tmp_path / "cli.pdf"),
        "--participants", str(cli_pdf),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    marks = same_pages(browser_pdf, cli_pdf)
    assert [title for _, title, _ in marks] == [
        "Exercise 4: Asking the right questions",
        "Exercise 8: What makes for effective feedback?",
    ]
    assert [number for _, _, number in marks] == [1, 3]  # each exercise on a fresh sheet
    assert [words(foot) for foot in footer_texts(browser_pdf)] == [words(foot) for foot in footer_texts(cli_pdf)]
    texts = page_texts(browser_pdf)
    assert [words(text) == BLANK_NOTE for text in texts] == [False, True, False]
    assert status.text_content() == f"Your participant set is downloaded: {len(texts)} pages."
    title = "A workshop for your training priorities (participant set)"
    assert PdfReader(browser_pdf).metadata.title == title == PdfReader(cli_pdf).metadata.title
    assert untagged_content(PdfReader(browser_pdf)) == []
    page.emulate_media(media="print")  # the priorities print without the downloads
    expect(page.locator(".hub-audit-pack")).to_be_hidden()
    expect(page.get_by_role("heading", name="High priority (rated 4 or 5)")).to_be_visible()


def test_after_a_first_visit_the_planner_and_its_pack_work_offline(
    browser: Browser, site_url: str, library, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    page = context.new_page()
    page.goto(site_url + PLANNER + "#" + A_DAY)
    planner = page.locator("[data-hub-planner]")
    expect(planner).to_have_attribute("data-offline", re.compile(r"^(\d+) of \1$"), timeout=60_000)
    context.set_offline(True)
    page.goto(site_url + PLANNER + "#" + A_DAY.replace("title=Team+day", "title=Offline+day"))
    page.reload()
    expect(page.get_by_label("Title")).to_have_value("Offline day")
    pdf = download_pack(page, tmp_path / "offline.pdf")
    check_the_pack(pdf, library, [EX3, EX6, EX5], [("09:30", "Welcome"), ("12:45", "Exercise 5")])
    with page.expect_download(timeout=60_000) as download:  # and the plan's participant set
        page.get_by_role("button", name="Download the participant set (PDF)").click()
    download.value.save_as(tmp_path / "offline-participants.pdf")
    assert [title for _, title, _ in pdf_bookmarks(PdfReader(tmp_path / "offline-participants.pdf"))] == [
        "Exercise 3: The challenges of getting outcomes into practice",
        "Exercise 6: Risk-taking",
        "Exercise 5: Brainstorming for innovative solutions",
    ]
    context.close()


def test_print_the_pack_hands_the_same_pdf_to_the_print_dialog(page: Page, site_url: str, tmp_path: Path) -> None:
    """Headless Chromium has no print dialog (printing from a PDF frame ends its page), so the last step,
    the frame's print(), is replaced here by keeping the PDF that would be printed."""
    page.add_init_script("window.HubPrintPdf = function (url) { window.printed = url; };")
    page.goto(site_url + PLANNER + "#" + A_DAY)
    page.get_by_role("button", name="Print the pack").click()
    expect(page.locator("[data-plan-pack-status]")).to_contain_text("Your pack is ready to print: 16 pages")
    data = page.evaluate("async () => Array.from(new Uint8Array(await (await fetch(window.printed)).arrayBuffer()))")
    (tmp_path / "printed.pdf").write_bytes(bytes(data))
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 16  # blank left-hand pages included


def test_a_packs_page_opens_its_agenda_in_the_planner_at_the_printed_times(page: Page, site_url: str, library) -> None:
    """A shipped pack's page links to the planner with its agenda: the planner shows the clock times, lengths and
    running totals the printed pack does (hub/model/agenda.py and agenda.js, one specification)."""
    from hub.model.agenda import plan_pack

    plan = plan_pack(library.entries["full-day-part-two"].item, library)
    page.goto(site_url + "packs/full-day-part-two/")
    page.get_by_role("link", name="Change this agenda in the session planner").click()
    expect(page.get_by_role("heading", name="Your session")).to_be_visible()
    agenda = page.locator("[data-plan-agenda] tbody tr")
    expect(agenda.last).to_contain_text("Finish")
    rows = [tuple(row.locator("td").all_inner_texts()) for row in agenda.all()]
    printed = [(s.start_text, s.title, s.length_text, s.elapsed_text) for s in plan.slots]
    assert rows[:-1] == printed
    assert rows[-1][:2] == ("16:00", "Finish") and plan.end_text == "16:00"
