"""Copyfitting: no page of a document left holding a few stray lines or one row of a sheet (issue 14).

A handout of a page and two lines prints its two lines on a page of their own; a worksheet whose last row
does not fit prints that row alone; a facilitator's guide whose last step spills ends on a nearly empty page
before its training materials.  Keep-together rules cannot help there: there is simply a little too much.
So, as a typesetter would, a document with a *short page* (a page of a part, not its first, under about a
third full: hub/printing/fit_layout.py) is laid out again, each part that has one on its own:

1. targeted fixes first: writing space that spilled (a sheet's ruled rows, a notes area) is set a little
   lower, never below the least its sheet allows (``data-space-least``, from hub/model/sheets.py); a page
   break marked as one that may go (``data-fit-break``) is dropped when it would leave a nearly empty page;
   a box kept on one page (``data-fit-split``) that went whole to a short page may split over two;
   writing space that ends a page left mostly empty before a sheet handed out on its own is given the rest
   of that page, up to the sheets' most;
2. then, for a part still with a short page, its text a little tighter (the copyfitting rules of print.css:
   spacing, then type down to 10 pt for body text, 9 pt in tables), two steps at most.

A fix is kept for a part only if it leaves that part fewer short pages and no more pages.  A pack's parts
(each facilitator's guide, each exercise's participant materials) start on pages of their own, so each is
fitted alone and comes out the same in a whole pack as in the section the browser joins
(docs/browser-pack.md).  Everything here is a function of the layout, so PDFs stay reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hub.printing.fit_layout import PageUse, number_marks, pages_of, short_pages, unit_pages

MM = 72 / 25.4 * 4 / 3  # CSS pixels in a millimetre, WeasyPrint's unit of layout
SLACK_MM = 4.0  # room to spare when writing space is set lower: borders, rounding, a line's leading
ROOM_MM = 15.0  # room left at the foot of a page worth starting a box there: a heading and two lines
MOST_ROW_MM = 55.0  # hub/model/sheets.py ROW_HEIGHT_MM: the most writing space a row is given
ROOMY = 0.75  # a page before a sheet handed out on its own, ending in writing space, whose space may grow
# classes copyfit.css knows, tighter each, with the share of a part's height each saves at least
STEPS = (("copyfit-1", 0.05), ("copyfit-2", 0.11), ("copyfit-3", 0.16))
_HEIGHT = re.compile(r'<(tr|textarea|div)\b([^>]*?) style="height: ([\d.]+)mm"')
_SPACE_LEAST = re.compile(r'data-space-least="([\d.]+)"')

Render = Callable[[str], object]


def fitted(html: str, render: Render) -> object:
    """The document ``render(html)`` lays out, or a better fitted layout of it with fewer short pages."""
    if "<html " not in html:
        return render(html)
    html = number_marks(html)
    document = render(html)
    pages = pages_of(document)
    units = unit_pages(pages)
    needing = {unit for unit, indexes in units.items() if short_pages(pages, indexes) or _growable(pages, indexes)}
    if not needing:
        return document
    best, best_html, best_pages = document, html, pages
    apart = {unit: _apart(pages, units[unit]) for unit in sorted(needing)}  # boxes that may split, to help
    edits = {unit: _targeted(html, pages, units[unit]) + apart[unit] for unit in sorted(needing)}
    trial = _apply(html, [edit for unit in sorted(needing) for edit in edits[unit]])
    if trial != html:
        tried = {unit for unit in needing if edits[unit]}
        best, best_html, best_pages = _keep_better(best_html, best_pages, best, trial, render, tried, edits)
    units = unit_pages(best_pages)
    still = {unit: _steps(best_pages, units[unit]) for unit in needing if unit in units}
    still = {unit: steps for unit, steps in sorted(still.items()) if steps}
    for attempt in range(2):  # two layouts at most, each part at the next step it needs
        still = {unit: steps for unit, steps in still.items() if len(steps) > attempt}
        if not still:
            break
        step_edits = {unit: [_copyfit_edit(unit, steps[attempt]), *apart[unit]] for unit, steps in still.items()}
        tighter = _apply(best_html, [edit for edits in step_edits.values() for edit in edits])
        best, best_html, best_pages = _keep_better(best_html, best_pages, best, tighter, render, set(still), step_edits)
        units = unit_pages(best_pages)
        still = {unit: steps for unit, steps in still.items() if short_pages(best_pages, units.get(unit, []))}
        if not still:
            break
    return best


Edit = tuple[str, str, str]  # (the mark's number, what to do, a value)


def _keep_better(
    html: str, pages: list[PageUse], document: object, trial: str, render: Render, tried: set[str], edits: dict
) -> tuple[object, str, list[PageUse]]:
    """The trial's layout for the parts it improved, the layout before for the others."""
    trial_document = render(trial)
    trial_pages = pages_of(trial_document)
    before, after = unit_pages(pages), unit_pages(trial_pages)
    kept = [unit for unit in sorted(tried) if unit in after and _better(pages, before[unit], trial_pages, after[unit])]
    if set(kept) == tried:
        return trial_document, trial, trial_pages
    if not kept:
        return document, html, pages
    mixed = _apply(html, [edit for unit in kept for edit in edits[unit]])
    mixed_document = render(mixed)
    return mixed_document, mixed, pages_of(mixed_document)


def _better(pages: list[PageUse], indexes: list[int], trial: list[PageUse], trial_indexes: list[int]) -> bool:
    shorter = len(short_pages(trial, trial_indexes)) < len(short_pages(pages, indexes))
    grown = _growable(pages, indexes) and not _growable(trial, trial_indexes)
    return len(trial_indexes) <= len(indexes) and (shorter or (grown and not short_pages(trial, trial_indexes)))


def _growable(pages: list[PageUse], indexes: list[int]) -> list[int]:
    """Pages before a forced break inside a unit that end in writing space, all of it on the page, with room left."""
    return [
        index
        for index in indexes[:-1]
        if pages[index].used < ROOMY
        and index + 1 in indexes
        and (number := _ends_in_space(pages[index])) is not None
        and (index == 0 or number not in pages[index - 1].spaces)
        and number not in pages[index + 1].spaces
    ]


def _ends_in_space(page: PageUse) -> str | None:
    for number, (_, bottom) in page.spaces.items():
        if bottom >= page.bottom - 1:
            return number
    return None


def _targeted(html: str, pages: list[PageUse], indexes: list[int]) -> list[Edit]:
    edits: list[Edit] = []
    for index in short_pages(pages, indexes):
        page, before = pages[index], pages[index - 1]
        if index - 1 not in indexes:
            continue
        free = before.top + before.height - before.bottom
        if index + 1 < len(pages):  # the break that ends this page
            edits += [(number, "drop", "") for number in pages[index + 1].breaks]
        for number in page.spaces:
            height = sum(high - low for p in (before, page) for n, (low, high) in p.spaces.items() if n == number)
            need = page.bottom - page.top - free + SLACK_MM * MM
            if height > need > 0:
                edits.append((number, "scale", f"{1 - need / height:.3f}"))
    for index in _growable(pages, indexes):
        page = pages[index]
        number = _ends_in_space(page)
        low, high = page.spaces[number]  # type: ignore[index]
        free = page.top + page.height - page.bottom - SLACK_MM * MM
        edits.append((number, "scale", f"{1 + free / (high - low):.3f}"))  # type: ignore[arg-type]
    return edits


def _apart(pages: list[PageUse], indexes: list[int]) -> list[Edit]:
    """Boxes kept together that a short page starts with, moved there whole though the page before had room."""
    edits: list[Edit] = []
    for index in short_pages(pages, indexes):
        before = pages[index - 1]
        if index - 1 in indexes and before.top + before.height - before.bottom > ROOM_MM * MM:
            edits += [(number, "split", "") for number in pages[index].splits if number not in before.splits]
    return edits


def _steps(pages: list[PageUse], indexes: list[int]) -> list[str]:
    """The two steps worth a layout for a part's first short page: none too slight to save it, the last anyway."""
    short = short_pages(pages, indexes)
    if not short:
        return []
    before = [index for index in indexes if index < short[0]]
    needed = pages[short[0]].used / (len(before) + pages[short[0]].used)  # the share of the part to save
    worth = [step for step, saves in STEPS if saves >= needed]
    return (worth or [STEPS[-1][0]])[:2]


def _copyfit_edit(unit: str, step: str) -> Edit:
    return (unit, "copyfit", step)


def _apply(html: str, edits: list[Edit]) -> str:
    for number, action, value in edits:
        html = _edit(html, number, action, value)
    return html


def _edit(html: str, number: str, action: str, value: str) -> str:
    if action == "copyfit" and number == "0":  # the whole document
        return html.replace("<html ", f'<html data-copyfit="{value}" ', 1)
    where = html.find(f'data-fit-id="{number}"')
    if where < 0:
        return html
    start, tag_end = html.rfind("<", 0, where), html.find(">", where)
    if action == "copyfit":
        return html[:tag_end] + f' data-copyfit="{value}"' + html[tag_end:]
    if action in ("drop", "split"):
        mark = " data-fit-dropped" if action == "drop" else " data-fit-apart"
        return html if mark in html[start:tag_end] else html[:tag_end] + mark + html[tag_end:]
    least = float(_SPACE_LEAST.search(html, start, tag_end).group(1))  # type: ignore[union-attr]
    end = html.find("</table>", where) if html.startswith("<table", start) else tag_end
    scaled = _HEIGHT.sub(lambda match: _scaled(match, float(value), least), html[start:end])
    return html[:start] + scaled + html[end:]


def _scaled(match: re.Match, factor: float, least: float) -> str:
    tag, attributes, height = match.group(1), match.group(2), float(match.group(3))
    if tag == "textarea":  # the form field in a row, as the row (worksheet-macros.html.j2: at least 7 mm)
        most = MOST_ROW_MM - 3
        new = max(min(7.0, height), height * factor) if factor < 1 else max(height, min(most, height * factor))
    elif factor < 1:  # never below the sheet's least, nor below what a row already had
        new = max(min(least, height), height * factor)
    else:  # a row grows up to the sheets' most; a notes area as far as the page allows
        new = max(height, min(MOST_ROW_MM, height * factor)) if tag == "tr" else height * factor
    return f'<{tag}{attributes} style="height: {new:.1f}mm"'
