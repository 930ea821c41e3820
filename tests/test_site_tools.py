"""The site's tools in a real browser, used as a person would: filters, planner, audit, culture star and quiz.

The planner, star and quiz are driven by the keyboard alone (focus, Tab, Enter,
Space, arrow keys and typing); assertions are on what the page shows.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from site_browser import PLANNER

from conftest import SITE_URL
from hub.cli.main import _parser as command_line

pytest_plugins = ["site_fixtures"]  # the browser, page (British English) and site_url fixtures
pytestmark = pytest.mark.e2e  # Chromium on the shared build


EXERCISE_1 = "exercise-1-defining-the-approach"
EXERCISE_3 = "exercise-3-challenges-of-getting-outcomes-into-practice"
EXERCISE_8 = "exercise-8-effective-feedback"


def shown_titles(page: Page) -> list[str]:
    return page.locator("[data-hub-catalogue] > li:visible .hub-catalogue-title").all_inner_texts()


def press_on(page: Page, locator, *keys: str) -> None:
    locator.focus()
    for key in keys:
        page.keyboard.press(key)


# --- catalogue filters ---------------------------------------------------------


def test_exercise_filters_narrow_the_catalogue(page: Page, site_url: str) -> None:
    page.goto(site_url + "exercises/")
    status = page.get_by_role("status")
    expect(status).to_have_text("Showing all 8 exercises.")
    page.get_by_label("Part").select_option(label="Part one")
    expect(status).to_have_text("Showing 2 of 8 exercises.")
    assert [title.split(":")[0] for title in shown_titles(page)] == ["Exercise 1", "Exercise 2"]

    page.get_by_label("Part").select_option(label="Part two")
    page.get_by_label("Length").select_option(label="Up to 30 min")
    expect(status).to_have_text("Showing 2 of 8 exercises.")
    assert [title.split(":")[0] for title in shown_titles(page)] == ["Exercise 7", "Exercise 8"]

    page.get_by_role("button", name="Clear filters").click()
    page.get_by_label("Theme").select_option(label="Positive risk")
    expect(status).to_have_text("Showing 1 of 8 exercises.")
    assert shown_titles(page) == ["Exercise 6: Risk-taking"]

    page.get_by_label("Audience").select_option(label="Team leaders and their teams")
    page.get_by_label("Length").select_option(label="Up to 20 min")
    expect(status).to_have_text(
        "Nothing on Positive risk for Team leaders and their teams up to 20 min; Exercise 6 takes at least 45 min."
    )
    assert shown_titles(page) == ["Exercise 6: Risk-taking"]  # the nearest, under a note that says so
    expect(page.locator(".hub-catalogue-near-note")).to_have_text(
        "The nearest match is below. Choose “Clear filters” to see the whole list."
    )

    press_on(page, page.get_by_role("button", name="Clear filters"), "Enter")
    expect(status).to_have_text("Showing all 8 exercises.")
    expect(page.locator(".hub-catalogue-near-note")).to_be_hidden()


NOTHING_ON_RISK = "Nothing on Positive risk up to 30 min; Exercise 6 takes at least 45 min."


# These pages are served at the published address (the test builds publish at conftest.SITE_URL), as a visitor
# sees them and shares them, answered by the local server (nothing leaves the machine).
@pytest.fixture(scope="module")
def published(built: Path) -> str:
    sitemap = (built / "site/sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}</loc>" in sitemap
    return SITE_URL


def published_page(browser: Browser, site_url: str, published: str, width: int) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
    context.route(
        published + "**",
        lambda route: route.fulfill(response=route.fetch(url=site_url + route.request.url[len(published) :])),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def close(page: Page) -> None:
    """Closes a page of published_page, its routes first: none may answer into a closed context."""
    page.context.unroute_all(behavior="ignoreErrors")
    page.context.close()


def expect_risk_under_30(page: Page, published: str) -> None:
    expect(page).to_have_url(published + "exercises/#length=30&theme=risk")
    expect(page.get_by_role("status")).to_have_text(NOTHING_ON_RISK)
    expect(page.get_by_label("Theme")).to_have_value("risk")
    expect(page.get_by_label("Length")).to_have_value("30")
    expect(page.get_by_label("Part")).to_have_value("")
    assert shown_titles(page) == ["Exercise 6: Risk-taking"]


@pytest.mark.parametrize("width", [390, 1280])
def test_filters_live_in_the_address_through_back_reload_and_sharing(
    browser: Browser, site_url: str, published: str, width: int
) -> None:
    page, errors = published_page(browser, site_url, published, width)
    page.goto(published + "exercises/")
    press_on(page, page.get_by_label("Theme"), *["ArrowDown"] * 9)  # by keyboard: the ninth theme, Positive risk
    expect(page).to_have_url(published + "exercises/#theme=risk")
    expect(page.get_by_role("status")).to_have_text("Showing 1 of 8 exercises.")
    page.get_by_label("Length").select_option(label="Up to 30 min")
    expect_risk_under_30(page, published)

    page.get_by_role("link", name="Exercise 6: Risk-taking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Exercise 6: Risk-taking"))
    page.go_back()
    expect_risk_under_30(page, published)
    if width > 1220:  # the tabs show on wide screens only
        page.get_by_role("navigation", name="Tabs").get_by_role("link", name="Exercises").click()
        expect(page).to_have_url(published + "exercises/")  # the catalogue afresh, unfiltered
        expect(page.get_by_role("status")).to_have_text("Showing all 8 exercises.")
        expect(page.get_by_label("Theme")).to_have_value("")
        page.go_back()
        expect_risk_under_30(page, published)
    page.reload()
    expect_risk_under_30(page, published)

    shared, shared_errors = published_page(browser, site_url, published, width)
    shared.goto(published + "exercises/#theme=risk&length=30")
    expect_risk_under_30(shared, published)
    close(shared)

    page.get_by_role("button", name="Clear filters").click()
    expect(page).to_have_url(published + "exercises/")
    expect(page.get_by_role("status")).to_have_text("Showing all 8 exercises.")
    close(page)
    assert errors == shared_errors == []


def test_an_address_that_is_odd_or_changed_by_hand(page: Page, site_url: str) -> None:
    page.goto(site_url + "exercises/#theme=nonsense&part=2")
    expect(page).to_have_url(site_url + "exercises/#part=2")
    expect(page.get_by_role("status")).to_have_text(
        "Showing 6 of 8 exercises. Theme “nonsense” is not one of the choices, so it was left out."
    )
    page.evaluate("location.hash = 'part=1&theme=challenges'")  # an address changed by hand
    expect(page.get_by_role("status")).to_have_text(
        "Nothing on Challenges and barriers in part one; Exercises 3, 5 and 6 are in part two."
    )
    expect(page.locator(".hub-catalogue-near-note")).to_have_text(
        "The nearest matches are below. Choose “Clear filters” to see the whole list."
    )
    assert [title.split(":")[0] for title in shown_titles(page)] == ["Exercise 3", "Exercise 5", "Exercise 6"]


def test_the_guidance_and_principles_keep_their_theme_in_the_address(page: Page, site_url: str) -> None:
    guidance = ["Planning for action", "Values", "Balancing risks, rights and responsibilities (positive risk)"]
    page.goto(site_url + "guidance/")
    page.get_by_label("Theme").select_option(label="Positive risk")
    expect(page).to_have_url(site_url + "guidance/#theme=risk")
    expect(page.get_by_role("status")).to_have_text("Showing 3 of 50 guidance pages.")
    assert shown_titles(page) == guidance
    page.get_by_role("link", name="Values", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Values"))
    page.go_back()
    expect(page.get_by_label("Theme")).to_have_value("risk")
    expect(page.get_by_role("status")).to_have_text("Showing 3 of 50 guidance pages.")
    assert shown_titles(page) == guidance

    page.goto(site_url + "principles/#theme=conversations")  # a shared address
    expect(page.get_by_label("Theme")).to_have_value("conversations")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^Showing [1-9] of 10 principle sets\.$"))
    assert "Key elements of a good conversation (2022)" in shown_titles(page)


def test_without_javascript_the_whole_catalogue_shows_and_the_filters_stay_hidden(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "exercises/")
    expect(page.locator("form[data-hub-filters]")).to_be_hidden()
    assert len(shown_titles(page)) == 8
    page.goto(site_url + "exercises/plan/")
    expect(page.get_by_role("heading", name="Your session")).to_be_hidden()
    expect(page.get_by_role("link", name="Facilitator handout (PDF)")).to_have_count(8)
    page.goto(site_url + "quizzes/personal-outcomes-quiz/")
    expect(page.get_by_text("Show the suggested answer")).to_have_count(25)
    context.close()


def test_long_catalogues_filter_by_theme(page: Page, site_url: str) -> None:
    page.goto(site_url + "guidance/")
    total = page.locator("[data-hub-catalogue] > li[data-themes]").count()
    page.get_by_label("Theme").select_option(label="Positive risk")
    shown = len(shown_titles(page))
    assert 0 < shown < total
    expect(page.get_by_role("status")).to_have_text(f"Showing {shown} of {total} guidance pages.")
    assert "Balancing risks, rights and responsibilities (positive risk)" in shown_titles(page)


# --- session planner -------------------------------------------------------------


def agenda(page: Page) -> list[list[str]]:
    rows = page.locator("[data-plan-agenda] tbody tr")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


def test_planner_builds_an_agenda_by_keyboard_and_keeps_it_in_the_address(page: Page, site_url: str) -> None:
    page.goto(site_url + PLANNER)
    expect(page.get_by_text("No exercises yet")).to_be_visible()
    press_on(page, page.get_by_label("Title"))
    page.keyboard.type("Team day")
    press_on(page, page.get_by_label("Start time"))
    page.keyboard.type("1000")
    page.keyboard.press("Tab")
    press_on(page, page.get_by_role("button", name="Add to the session (Exercise 1:"), "Enter")
    press_on(page, page.get_by_role("button", name="Add to the session (Exercise 3:"), "Space")
    press_on(page, page.get_by_role("button", name="Add to the session (Exercise 8:"), "Enter")
    expect(page.get_by_role("button", name="Remove from the session (Exercise 8:")).to_be_focused()

    press_on(page, page.get_by_role("button", name="Break after (Exercise 1:"), "Enter")
    expect(page.get_by_label("Minutes for Break")).to_have_value("15")
    press_on(page, page.get_by_role("button", name="Move up (Exercise 8:"), "Enter")
    expect(page.get_by_role("button", name="Move up (Exercise 8:")).to_be_focused()
    press_on(page, page.get_by_label("Minutes for Exercise 3:"), "Control+a")
    page.keyboard.type("50")
    page.keyboard.press("Enter")

    assert agenda(page) == [
        ["10:00", "Exercise 1: Defining the approach, promoting the benefits", "1 h", "1 h"],
        ["11:00", "Break", "15 min", "1 h 15 min"],
        ["11:15", "Exercise 8: What makes for effective feedback?", "30 min", "1 h 45 min"],
        ["11:45", "Exercise 3: The challenges of getting outcomes into practice", "50 min", "2 h 35 min"],
        ["12:35", "Finish", "", "2 h 35 min"],
    ]
    expect(page.locator("[data-plan-total]")).to_have_text(
        "3 exercises, from 10:00 to 12:35: 2 h 35 min in all, including 15 min of breaks."
    )
    address = f"title=Team+day&start=10%3A00&ex={EXERCISE_1}.60&break=15&ex={EXERCISE_8}.30&ex={EXERCISE_3}.50"
    command = page.locator("[data-plan-command]").text_content() or ""  # in a closed disclosure
    assert command == f"python build.py pack --plan '#{address}' -o pack.pdf --participants participants.pdf"
    arguments = command_line().parse_args(shlex.split(command)[2:])
    assert arguments.plan == "#" + address
    assert (arguments.output, arguments.participants) == (Path("pack.pdf"), Path("participants.pdf"))

    materials = page.locator("[data-plan-materials] li").all_inner_texts()
    assert "Challenges handout (Exercise 3)" in materials
    assert "Refreshments for the break at 11:00." in materials
    assert not any(text.startswith("None needed") for text in materials)
    handouts = page.locator("[data-plan-prints] a")
    assert handouts.count() >= 6
    for href in handouts.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).ok, href

    shared = page.url
    assert shared.endswith("#" + address)
    page.goto(site_url)
    page.goto(shared)
    expect(page.get_by_label("Title")).to_have_value("Team day")
    assert agenda(page)[2][1] == "Exercise 8: What makes for effective feedback?"

    press_on(page, page.get_by_role("button", name="Remove (Exercise 1:"), "Enter")
    expect(page.get_by_role("button", name="Remove (Break)")).to_be_focused()
    assert agenda(page)[0][:2] == ["10:00", "Break"]


def test_exercise_pages_link_to_the_planner_with_their_exercise(page: Page, site_url: str) -> None:
    page.goto(site_url + f"exercises/{EXERCISE_3}/")
    page.get_by_role("link", name="Plan a session with this exercise").click()
    expect(page.locator("[data-plan-items] > li")).to_have_count(1)
    assert agenda(page)[0][1] == "Exercise 3: The challenges of getting outcomes into practice"


# --- training-priorities audit ---------------------------------------------------


def test_audit_ratings_show_priorities_and_the_exercises_for_them(page: Page, site_url: str) -> None:
    page.goto(site_url + "audits/training-priorities/")
    first_need = page.get_by_role("group", name="1. Understanding outcomes and the outcomes-focused approach")
    first_need = first_need.get_by_role("group", name="Before training")
    press_on(page, first_need.get_by_role("radio", name="1 = LOW"), "Space", "ArrowRight", "ArrowRight", "ArrowRight")
    press_on(page, first_need.get_by_role("radio", name="4"), "ArrowRight")
    expect(first_need.get_by_role("radio", name="5 = HIGH")).to_be_checked()
    third_need = page.get_by_role("group", name="3. Addressing the challenges").get_by_role("group", name="Before")
    press_on(page, third_need.get_by_role("radio", name="3 = MEDIUM"), "Space")
    sixth_need = page.get_by_role("group", name="6. Understanding the difference").get_by_role("group", name="Before")
    sixth_need.get_by_role("radio", name="2", exact=True).check()

    expect(page.locator("[data-audit-status]")).to_have_text(
        "You have rated 3 of 7 needs: 1 high, 1 medium and 1 lower priorities."
    )
    results = page.locator("[data-audit-results]")
    high = results.locator(".hub-audit-group", has=page.get_by_role("heading", name="High priority"))
    expect(high).to_contain_text("Understanding outcomes and the outcomes-focused approach (rated 5 of 5)")
    expect(high).to_contain_text("Priority sections: Part one Exercise 1")
    expect(high.get_by_role("link", name="Exercise 1: Defining the approach, promoting the benefits")).to_be_visible()
    medium = results.locator(".hub-audit-group", has=page.get_by_role("heading", name="Medium priority"))
    expect(
        medium.get_by_role("link", name="Exercise 3: The challenges of getting outcomes into practice")
    ).to_be_visible()
    lower = results.locator(".hub-audit-group", has=page.get_by_role("heading", name="Lower priority"))
    expect(lower).to_contain_text("Understanding the difference you have made")
    expect(lower.get_by_role("link")).to_have_count(0)
    assert "ratings=5%2C0%2C3%2C0%2C0%2C2%2C0" in page.url

    page.get_by_role("link", name="Plan a session with the exercises for your high and medium priorities").click()
    expect(page.locator("[data-plan-items] > li")).to_have_count(2)
    assert [row[1] for row in agenda(page)[:2]] == [
        "Exercise 1: Defining the approach, promoting the benefits",
        "Exercise 3: The challenges of getting outcomes into practice",
    ]


# --- culture star ------------------------------------------------------------------

SCORES = {"Values": 6, "Identity": 4, "Outcomes": 7, "Strengths": 8}
STAFF = [7, 6, 7, 8, 6, 5, 7, 8]


def test_culture_star_draws_and_describes_two_readings_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "stars/culture-star/")
    expect(page.locator("[data-star-summary]")).to_have_text("Score at least three points to see your star.")
    for point, score in SCORES.items():
        press_on(page, page.get_by_role("combobox", name=f"{point} Now"))
        page.keyboard.type(str(score))
    summary = page.locator("[data-star-summary]")
    expect(summary).to_contain_text("Now (filled shape, circles): Values 6, Identity 4, Outcomes 7, Strengths 8.")
    expect(summary).to_contain_text("Highest: Strengths (8); lowest: Identity (4). 4 not scored yet.")

    press_on(page, page.get_by_label("Second reading"), "Control+A")
    page.keyboard.type("Staff")
    rows = page.locator("table.hub-star-scores tbody tr")
    for index, score in enumerate(STAFF):
        press_on(page, rows.nth(index).get_by_role("combobox").nth(1))
        page.keyboard.type(str(score))
    for point, score in {"Learning and change": 5, "Community": 3, "Co-production": 6, "Communication": 7}.items():
        press_on(page, page.get_by_role("combobox", name=f"{point} Now"))
        page.keyboard.type(str(score))

    chart = page.locator("[data-star-chart] > svg")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator('[data-reading="1"] circle:not([display="none"])')).to_have_count(8)
    expect(chart.locator('[data-reading="2"] rect:not([display="none"])')).to_have_count(8)
    expect(chart.locator('g[data-reading="2"] polygon')).to_have_attribute("stroke-dasharray", "5 3")
    top = chart.locator('[data-reading="1"] circle').first
    assert (top.get_attribute("cx"), top.get_attribute("cy")) == ("0", "-60")  # Values 6 of 10, straight up
    expect(summary).to_contain_text("Staff (dashed outline, squares): Values 7, Identity 6")
    expect(summary).to_contain_text("Highest: Strengths and Communication (8); lowest: Community (5).")
    expect(page.locator("[data-star-legend] li:visible")).to_have_text(
        ["Now (filled shape, circles)", "Staff (dashed outline, squares)"], use_inner_text=True
    )
    expect(page.locator("[data-star-results] tbody tr").first).to_have_text(re.compile(r"Values\s*6\s*7\s*\+1"))

    shared = page.url
    page.goto(site_url)
    page.goto(shared)
    expect(page.get_by_role("combobox", name="Community Now")).to_have_value("3")
    expect(page.get_by_role("combobox", name="Community Staff")).to_have_value("5")
    press_on(page, page.get_by_role("button", name="Clear the scores"), "Enter")
    press_on(page, page.get_by_role("button", name="Yes, clear the scores"), "Enter")
    expect(summary).to_have_text("Score at least three points to see your star.")


# --- quiz ----------------------------------------------------------------------------


def test_quiz_reveals_the_suggested_answer_after_an_answer_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "quizzes/personal-outcomes-quiz/")
    expect(page.locator("details.hub-answer:visible")).to_have_count(0)
    first = page.locator("ol.hub-quiz > li").nth(0)
    second = page.locator("ol.hub-quiz > li").nth(1)
    press_on(page, first.get_by_role("button", name="Check (statement 1)"), "Enter")
    expect(first).to_contain_text("Choose Yes or No first.")

    press_on(page, first.get_by_role("radio", name="Yes"), "Space", "Tab", "Enter")
    expect(first.locator(".hub-quiz-feedback")).to_have_text(
        "You answered Yes; the suggested answer is No."
        "Suggested answer from the hub"
        "No. It describes a need or barrier, not what the person wants to achieve."
    )
    expect(first.locator(".hub-quiz-feedback [data-provenance='hub']")).to_contain_text("from the hub")
    press_on(page, second.get_by_role("radio", name="Yes"), "Space", "Tab", "Enter")
    expect(second.locator(".hub-quiz-feedback")).to_contain_text("Your answer, Yes, matches the suggested answer.")
    expect(page.locator("[data-quiz-score]")).to_have_text(
        "You have answered 2 of 25 statements and checked 2: 1 of 2 match the suggested answer."
    )
    press_on(page, page.get_by_role("button", name="Start again"), "Enter")
    expect(page.get_by_role("button", name="No, keep them")).to_be_focused()
    press_on(page, page.get_by_role("button", name="Yes, clear my answers"), "Enter")
    expect(page.locator("[data-quiz-score]")).to_have_text(
        "You have answered 0 of 25 statements and checked 0: 0 of 0 match the suggested answer."
    )
    expect(first.get_by_role("radio", name="Yes")).to_be_focused()
