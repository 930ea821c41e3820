"""hub.model: agendas, checklists, the audit's choice, listings and the star, derived from the real library."""

from __future__ import annotations

import pytest

from hub.content.kinds import KINDS
from hub.content.library import Library
from hub.model import Model
from hub.model.agenda import checklist, plan_pack
from hub.model.custom_pack import audit_sheet, choose_from_audit
from hub.model.listings import listing_pages, page_name
from hub.model.star import Reading, star_geometry, star_sheet
from hub.words import clock


def test_every_shipped_pack_is_planned_once(model: Model) -> None:
    packs = model.library.of_kind(KINDS["packs"])
    assert packs and set(model.plans) == {entry.id for entry in packs}


def test_a_plan_runs_without_gaps(model: Model) -> None:
    for plan in model.plans.values():
        for before, after in zip(plan.slots, plan.slots[1:], strict=False):
            assert after.start == before.end
        assert plan.slots[0].start == plan.pack.start
        assert plan.end_text.startswith(clock(plan.end))


def test_the_plan_does_not_depend_on_who_asks(library: Library, model: Model) -> None:
    for entry_id, plan in model.plans.items():
        again = plan_pack(library.entries[entry_id].item, library)
        assert [(s.title, s.start, s.minutes) for s in again.slots] == [
            (s.title, s.start, s.minutes) for s in plan.slots
        ]


def test_the_checklist_names_each_material_once_with_its_exercises(library: Library) -> None:
    exercises = tuple(library.of_kind(KINDS["exercises"]))
    items = checklist(exercises)
    keys = [item.text.lower().replace(" ", "") for item in items]
    assert len(keys) == len(set(keys))
    for item in items:
        assert item.exercises == tuple(sorted(item.exercises))
        assert item.for_text.startswith("Exercise")
        assert item.text.lower() not in ("none", "none listed", "nothing")


def test_choosing_from_the_audit_fits_the_budget(library: Library) -> None:
    audit = library.entries["training-priorities"].item
    ratings = [5] * len(audit.needs)
    choice = choose_from_audit(audit, ratings, 120, library)
    assert 0 < choice.minutes_used <= 120
    numbers = [entry.item.number for entry in choice.exercises]
    assert numbers == sorted(numbers)
    low = choose_from_audit(audit, [1] * len(audit.needs), 600, library)
    assert not low.exercises and all("rated low" in reason for reason in low.left_out)


def test_ratings_sheets_name_what_is_rated(library: Library) -> None:
    sheet = audit_sheet(library.entries["training-priorities"].item)
    assert sheet.noun == "need" and sheet.top == 5 and sheet.score("5") == 5 and sheet.score("6") is None
    star = star_sheet(library.entries["culture-star"].item)
    assert star.max_readings == 2 and star.score("7.5") == 7.5 and star.score("0") is None


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (50, 1), (51, 2), (120, 3)])
def test_listings_page_by_fifty(library: Library, count: int, pages: int) -> None:
    entries = (list(library.entries.values()) * 2)[:count]
    listing = listing_pages("exercises", entries)
    assert len(listing) == pages
    assert sum(len(page.entries) for page in listing) == count
    assert listing[0].name == "exercises/index.md" and page_name("exercises", 2) == "exercises/page/2.md"
    if pages > 1:
        assert listing[1].link(1) == "../index.md" and listing[0].link(2) == "page/2.md"


def test_star_readings_lie_on_their_axes(library: Library) -> None:
    star = library.entries["culture-star"].item
    scores = {point.key: float(index + 1) for index, point in enumerate(star.points)}
    geometry = star_geometry(star, [Reading("Now", scores)])
    for axis, vertex in zip(geometry.axes, geometry.readings[0].vertices, strict=True):
        share = vertex.score / star.scale_max
        assert vertex.x == pytest.approx(axis.x * share, abs=0.02)
        assert vertex.y == pytest.approx(axis.y * share, abs=0.02)
