"""What a laid-out document's pages hold, for copyfitting (hub/printing/copyfit.py).

The HTML marks what copyfitting may touch, and :func:`number_marks` numbers the marks before the first layout:

* ``data-fit-unit``: a part of a document laid out on pages of its own (a pack's facilitator's guide, an
  exercise's participant materials), set tighter on its own. A document without one is a unit as a whole.
* ``data-space-least="MM"``: writing space (a sheet's ruled rows, a notes area) whose rows may be set lower,
  down to that many millimetres, so that they end on a page rather than spill one row onto the next.
* ``data-fit-break``: a forced page break that is dropped when it would leave the page before it nearly empty.
* ``data-fit-split``: a box kept on one page where it fits (a scenario, the facilitator's notes) that may be
  split over two when it would otherwise leave a nearly empty page.

A *short page* is a page of a unit, not its first, whose content reaches less than :data:`SHORT` of its text
area: a page a reader would call wasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SHORT = 0.36  # a little over a third: poppler's measure of text stops at the glyphs, this one at the line boxes
UNIT, SPACE, BREAK, SPLIT = "data-fit-unit", "data-space-least", "data-fit-break", "data-fit-split"
_MARK = re.compile(rf'({UNIT}|{SPACE}="[\d.]+"|{BREAK}|{SPLIT})(?=[\s>])')


def number_marks(html: str) -> str:
    """Each mark gets a number of its own (``data-fit-unit`` → ``data-fit-unit="3"``), in document order."""
    count = iter(range(1, 1_000_000))
    return _MARK.sub(lambda mark: f'{mark.group(1)} data-fit-id="{next(count)}"', html)


@dataclass
class PageUse:
    """One page: the units on it, how far down its content reaches (share of the text area), where its
    writing spaces are (mark number → top and bottom, in points), the page breaks it starts with, and the
    boxes on it that may be split."""

    units: list[str] = field(default_factory=list)
    used: float = 0.0
    top: float = 0.0
    height: float = 1.0
    bottom: float = 0.0
    spaces: dict[str, tuple[float, float]] = field(default_factory=dict)
    breaks: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)


def pages_of(document: object) -> list[PageUse]:
    from weasyprint.formatting_structure import boxes

    pages = []
    for page in document.pages:  # type: ignore[attr-defined]
        page_box = page._page_box
        use = PageUse(top=page_box.content_box_y(), height=page_box.height)
        use.bottom = use.top
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):
                continue
            for box in child.descendants():
                _note(box, use, boxes)
        use.used = (use.bottom - use.top) / use.height
        pages.append(use)
    return pages


def _note(box: object, use: PageUse, boxes: object) -> None:
    element = getattr(box, "element", None)
    bottom = box.position_y + box.margin_height()  # type: ignore[attr-defined]
    if isinstance(box, boxes.TextBox | boxes.ReplacedBox | boxes.TableCellBox):  # type: ignore[attr-defined]
        use.bottom = max(use.bottom, bottom)
    if element is None or not isinstance(box, boxes.BlockBox | boxes.TableBox):  # type: ignore[attr-defined]
        return
    number = element.get("data-fit-id")
    if number is None:
        return
    if element.get(UNIT) is not None and number not in use.units:
        use.units.append(number)
    elif element.get(SPACE) is not None:
        top = box.position_y  # type: ignore[attr-defined]
        low, high = use.spaces.get(number, (top, bottom))
        use.spaces[number] = (min(low, top), max(high, bottom))
        use.bottom = max(use.bottom, bottom)
    elif element.get(BREAK) is not None and number not in use.breaks:
        use.breaks.append(number)
    elif element.get(SPLIT) is not None and number not in use.splits:
        use.splits.append(number)


def unit_pages(pages: list[PageUse]) -> dict[str, list[int]]:
    """Each unit's pages, by index; the whole document is unit ``"0"`` when no part is marked as a unit."""
    found: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        for unit in page.units:
            found.setdefault(unit, []).append(index)
    return found or {"0": list(range(len(pages)))}


def short_pages(pages: list[PageUse], indexes: list[int]) -> list[int]:
    """The pages of one unit, not its first, whose content stops in their first third or so (a page left blank on
    purpose, so that a sheet starts on a right-hand page, has no content at all and is not one)."""
    return [index for index in indexes[1:] if 0 < pages[index].used < SHORT]
