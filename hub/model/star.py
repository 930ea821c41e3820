"""The culture star: its geometry for the SVG macro, its readings and the table of scores beside a filled star."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hub.content.ratings import ScoreSheet
from hub.content.schemas import CultureStar
from hub.model.measure import text_measure

STAR_ID = "culture-star"
MAX_READINGS = 2
ASCENT, DESCENT = 0.72, 0.22  # of Atkinson Hyperlegible Next's letters, in ems
MARGIN = 4.0  # on screen, around the labels
LEGEND_KEY = 9.0  # on paper, the width of a reading's key (its line and marker) and the gap after it, in mm
READING_STYLES = (
    {"stroke": "#0b3d5c", "fill": "#2a7ab0", "fill_opacity": "0.28", "dash": "", "marker": "circle"},
    {"stroke": "#a35a00", "fill": "#e39a3b", "fill_opacity": "0.18", "dash": "5 3", "marker": "square"},
)


@dataclass(frozen=True)
class Reading:
    label: str
    scores: dict[str, float]

    def shown(self, key: str) -> str:
        return format_score(self.scores[key])


def format_score(score: float) -> str:
    return str(int(score)) if score == int(score) else f"{score:g}"


# --- geometry -----------------------------------------------------------------


@dataclass(frozen=True)
class StarLayout:
    """The star's sizes in the SVG's units, on paper or on screen.

    On paper the units are millimetres and the view box holds the labels and no more: printed across a page's
    text and 6 mm of each margin (186 mm on A4: templates/print/worksheet.css) the star is about 139 mm across,
    66% of the page's width; rings are numbered where they cross the middle of the gaps ``numbered_gaps`` (one
    beside every axis, never on a line to mark) and the top and bottom labels sit beside their tips.  On screen the
    view box is fitted to the labels and the rings are numbered up the first axis.
    """

    radius: float
    label_gap: float
    label_size: float
    number_size: float
    number_every: int  # which rings are numbered: every one, every other one...
    marker_radius: float  # the first reading's circles
    marker_side: float  # the second reading's squares
    line: float  # an axis's stroke; rings are thinner, a reading's outline thicker
    dash: str  # the second reading's outline
    numbered_gaps: tuple[int, ...] = ()  # between axis 1 and 2 (0), 3 and 4 (2), …; none: up the first axis
    tips_beside: bool = False  # the top and bottom labels beside their tips, not over and under them
    legend: bool = False  # the readings' key in the star's top left corner


PRINT = StarLayout(63.0, 2.4, 3.2, 3.0, 1, 1.1, 2.0, 0.35, "2.2 1.3", (0, 2, 4, 6), True, True)
"""On paper, in millimetres: labels of 9.7 pt and ring numbers of 9.1 pt on a star 135 mm across."""
SCREEN = StarLayout(100.0, 9.0, 15.0, 14.0, 2, 4.4, 8.0, 0.9, "5 3")
"""On the site: labels and numbers of at least 11 CSS pixels on a 390-pixel phone, where the star is 340 pixels wide."""


@dataclass(frozen=True)
class StarAxis:
    key: str
    name: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class StarRing:
    score: int
    points: str


@dataclass(frozen=True)
class StarVertex:
    key: str
    score: float
    x: float
    y: float


@dataclass(frozen=True)
class StarShape:
    label: str
    number: int
    points: str
    vertices: tuple[StarVertex, ...]
    stroke: str
    fill: str
    fill_opacity: str
    dash: str
    marker: str


@dataclass(frozen=True)
class RingNumber:
    score: int
    x: float
    y: float  # the centre of the number: on paper where it crosses its ring between two axes
    half_width: float  # of the white behind it


@dataclass(frozen=True)
class LegendEntry:
    shape: StarShape
    x: float  # where its key starts
    y: float  # its text's baseline


@dataclass(frozen=True)
class StarGeometry:
    view_box: str
    width: float
    height: float
    radius: float
    scale_max: int
    layout: StarLayout
    axes: tuple[StarAxis, ...]
    rings: tuple[StarRing, ...]
    ring_numbers: tuple[RingNumber, ...]
    readings: tuple[StarShape, ...]
    legend: tuple[LegendEntry, ...] = ()  # on paper, in the top left corner, if the labels fit there
    styles: tuple[dict[str, str], ...] = READING_STYLES  # of the first and second reading, for the site's tool

    def without_legend(self) -> StarGeometry:
        return replace(self, legend=())


def _round(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded


def axis_point(index: float, count: int, distance: float) -> tuple[float, float]:
    """Where ``distance`` along axis ``index`` of ``count`` lies; the first axis points up, the rest go clockwise.

    A fractional ``index`` is a direction between two axes (``0.5``: halfway from the first to the second)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return _round(distance * math.cos(angle)), _round(distance * math.sin(angle))


def _ring_numbers(count: int, top: int, layout: StarLayout) -> tuple[RingNumber, ...]:
    """Each numbered ring's number, on white: where the ring crosses the middle of each gap of
    ``layout.numbered_gaps``, so that every axis has numbers beside it and none sits on a line to mark; with no
    gaps, beside the first axis, centred on its ring."""
    size, radius, measure = layout.number_size, layout.radius, text_measure()
    scores = range(layout.number_every, top + 1, layout.number_every)
    if not layout.numbered_gaps:
        widths = {score: measure.width_em(str(score)) * size for score in scores}
        return tuple(
            RingNumber(
                score,
                _round(0.3 * size + widths[score] / 2),
                _round(-radius * score / top),
                _round(widths[score] / 2 + 0.12 * size),
            )
            for score in scores
        )
    to_edge = math.cos(math.pi / count)  # a ring's edge, halfway between two corners, is this much nearer
    numbers = []
    for gap in layout.numbered_gaps:
        for score in scores:
            x, y = axis_point(gap + 0.5, count, radius * score / top * to_edge)
            numbers.append(RingNumber(score, x, y, _round(size * (0.34 * len(str(score)) + 0.12))))
    return tuple(numbers)


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in pairs)


def star_geometry(star: CultureStar, readings: Sequence[Reading] = (), layout: StarLayout = PRINT) -> StarGeometry:
    """Everything the ``_star.svg.j2`` macro draws: axes, rings from 1 to ``scale_max``, labels and readings.

    The view box is made to fit the labels, measured with the font's own widths."""
    count, top = len(star.points), star.scale_max
    radius, gap, size = layout.radius, layout.label_gap, layout.label_size
    measure = text_measure()
    axes = []
    left, right, above, below = -radius, radius, -radius, radius
    for index, point in enumerate(star.points):
        x, y = axis_point(index, count, radius)
        label_x, label_y = axis_point(index, count, radius + gap)
        horizontal, vertical = x / radius, y / radius
        if abs(horizontal) < 0.3 and layout.tips_beside:  # beside their tips, clear of the ring: a lower star
            anchor = "start"
            label_x, label_y = gap * 0.5, y - size * 0.1 if vertical < 0 else y + size * 0.9
        else:
            anchor = "middle" if abs(horizontal) < 0.3 else ("start" if horizontal > 0 else "end")
            label_y += -size * 0.07 if vertical < -0.3 else size * 0.8 if vertical > 0.3 else size * 0.35
        axes.append(StarAxis(point.key, point.name, x, y, _round(label_x), _round(label_y), anchor))
        width = measure.width_em(point.name, bold=True) * size
        start = label_x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
        left, right = min(left, start), max(right, start + width)
        above, below = min(above, label_y - ASCENT * size), max(below, label_y + DESCENT * size)
    rings = tuple(
        StarRing(score, _points([axis_point(i, count, radius * score / top) for i in range(count)]))
        for score in range(1, top + 1)
    )
    shapes = []
    for number, reading in enumerate(readings, start=1):
        vertices = tuple(
            StarVertex(
                point.key, reading.scores[point.key], *axis_point(i, count, radius * reading.scores[point.key] / top)
            )
            for i, point in enumerate(star.points)
        )
        style = READING_STYLES[(number - 1) % len(READING_STYLES)]
        shapes.append(StarShape(reading.label, number, _points([(v.x, v.y) for v in vertices]), vertices, **style))
    legend: tuple[LegendEntry, ...] = ()
    if layout.legend:  # on paper: the labels' own extent, so the star is as large as they allow
        left, right = _round(left - 0.5), _round(right + 0.5)
        below = _round(max(-above, below) + 0.3)  # as much below as above, for the key in the top left corner
        above = -below
        first = above + size
        legend = tuple(LegendEntry(shape, left + 0.5, _round(first + i * size * 1.5)) for i, shape in enumerate(shapes))
        room = (-left - LEGEND_KEY - 8.0) / size  # in ems, up to the top label
        if any(measure.width_em(shape.label) > room for shape in shapes):
            legend = ()  # a label too long for the corner: the page gives the legend under the star instead
    else:
        left, right = math.floor(left - MARGIN), math.ceil(right + MARGIN)
        above, below = math.floor(above - MARGIN), math.ceil(below + MARGIN)
    width, height = _round(right - left), _round(below - above)
    view_box = f"{left:g} {above:g} {width:g} {height:g}"
    return StarGeometry(
        view_box,
        width,
        height,
        radius,
        top,
        layout,
        tuple(axes),
        rings,
        _ring_numbers(count, top, layout),
        tuple(shapes),
        legend,
    )


@dataclass(frozen=True)
class ScoreRow:
    name: str
    scores: tuple[str, ...]
    change: str  # second reading minus first; empty with one reading


def _signed(value: float) -> str:
    if abs(value) < 0.05:
        return "0"
    shown = f"{abs(value):.1f}".removesuffix(".0")
    return f"+{shown}" if value > 0 else f"−{shown}"


def score_rows(star: CultureStar, readings: Sequence[Reading]) -> list[ScoreRow]:
    """The table beside a filled star: each point's scores, the change between two readings, and the averages."""
    rows = []
    for point in star.points:
        values = [reading.scores[point.key] for reading in readings]
        change = _signed(values[1] - values[0]) if len(values) == 2 else ""
        rows.append(ScoreRow(point.name, tuple(format_score(value) for value in values), change))
    averages = [sum(reading.scores.values()) / len(reading.scores) for reading in readings]
    change = _signed(averages[1] - averages[0]) if len(averages) == 2 else ""
    rows.append(ScoreRow("Average", tuple(f"{value:.1f}" for value in averages), change))
    return rows


def star_sheet(star: CultureStar) -> ScoreSheet:
    """What a ratings file for the star rates: each point, from 1 to the top of its scale, in one or two readings."""
    keys = tuple(point.key for point in star.points)
    return ScoreSheet(
        keys,
        "point",
        star.scale_max,
        f"a score from 1 to {star.scale_max}",
        whole_numbers=False,
        max_readings=MAX_READINGS,
        known_as=f" (the points are: {', '.join(keys)})",
    )
