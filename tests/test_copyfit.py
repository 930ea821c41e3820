"""Copyfitting's edits to the print HTML (hub/printing/copyfit.py): what it may touch, and the floors it keeps.

The layouts themselves are measured over the whole build by tests/test_page_use.py.
"""

from __future__ import annotations

from hub.printing import copyfit
from hub.printing.fit_layout import PageUse, number_marks, short_pages, unit_pages

SHEET = (
    '<html lang="en-GB"><body><section class="pack-participant" data-fit-unit>'
    '<table class="fill-table" data-space-least="22"><tbody>'
    '<tr style="height: 25.7mm"><td><textarea style="height: 22.7mm"></textarea></td></tr>'
    '<tr style="height: 20.0mm"><td></td></tr></tbody></table>'
    '<div class="lines" aria-hidden="true" data-space-least="30" style="height: 60mm"></div>'
    '<h2 class="new-page" data-fit-break>Training materials</h2></section></body></html>'
)


def test_marks_are_numbered_in_document_order() -> None:
    numbered = number_marks(SHEET)
    assert 'data-fit-unit data-fit-id="1"' in numbered
    assert 'data-space-least="22" data-fit-id="2"' in numbered
    assert 'data-space-least="30" data-fit-id="3" style="height: 60mm"' in numbered
    assert 'data-fit-break data-fit-id="4"' in numbered


def test_writing_space_is_set_lower_down_to_its_least_only() -> None:
    html = copyfit._edit(number_marks(SHEET), "2", "scale", "0.8")
    # 25.7 × 0.8 is 20.6, under the sheet's least of 22; a row already under it is left as it was
    assert '<tr style="height: 22.0mm">' in html and '<tr style="height: 20.0mm">' in html
    assert '<textarea style="height: 18.2mm">' in html
    assert 'style="height: 60mm"' in html  # the notes area is another mark


def test_writing_space_grows_up_to_the_sheets_most() -> None:
    html = copyfit._edit(number_marks(SHEET), "2", "scale", "3")
    assert '<tr style="height: 55.0mm">' in html and '<textarea style="height: 52.0mm">' in html
    notes = copyfit._edit(number_marks(SHEET), "3", "scale", "0.4")
    assert 'data-space-least="30" data-fit-id="3" style="height: 30.0mm"' in notes


def test_a_break_is_dropped_and_a_part_set_tighter_by_its_mark() -> None:
    html = number_marks(SHEET)
    assert 'data-fit-break data-fit-id="4" data-fit-dropped>' in copyfit._edit(html, "4", "drop", "")
    assert 'data-fit-id="1" data-copyfit="copyfit-2">' in copyfit._edit(html, "1", "copyfit", "copyfit-2")
    assert copyfit._edit(html, "0", "copyfit", "copyfit-1").startswith('<html data-copyfit="copyfit-1" lang')


def test_a_short_page_is_a_part_page_but_its_first_under_about_a_third() -> None:
    pages = [PageUse(units=["1"], used=0.2), PageUse(units=["1"], used=0.3), PageUse(units=["2"], used=0.1)]
    pages += [PageUse(units=["2"], used=0.5), PageUse(units=["2"], used=0.0)]  # a page left blank on purpose
    units = unit_pages(pages)
    assert units == {"1": [0, 1], "2": [2, 3, 4]}
    assert short_pages(pages, units["1"]) == [1] and short_pages(pages, units["2"]) == []
    assert unit_pages([PageUse(), PageUse()]) == {"0": [0, 1]}


def test_two_steps_at_most_and_none_too_slight() -> None:
    pages = [PageUse(units=["1"], used=0.95), PageUse(units=["1"], used=0.3)]
    assert copyfit._steps(pages, [0, 1]) == ["copyfit-3"]  # 23% of the part to save: only the last step may
    pages[1].used = 0.04
    assert copyfit._steps(pages, [0, 1]) == ["copyfit-1", "copyfit-2"]
