"""The culture star: its geometry for the SVG macro, its readings and the table of scores beside a filled star."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from hub.content.ratings import ScoreSheet
from hub.content.schemas import CultureStar
from hub.model.measure import text_measure

STAR_ID = "culture-star"
MAX_READINGS = 2
RADIUS = 100.0
LABEL_GAP = 9.0
MARGIN = 4.0  # around the labels, in the SVG's units
ASCENT, DESCENT = 0.72, 0.22  # of Atkinson Hyperlegible's letters, in ems
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
    """Sizes of the star's type and markers, in the SVG's units (the star's radius is 100).

    The labels' rules and the space around them come from :func:`star_geometry`;
    only these sizes differ between paper and screen.
    """

    label_size: float
    number_size: float
    number_every: int  # which rings are numbered: every one, every other one...
    marker_radius: float  # the first reading's circles
    marker_side: float  # the second reading's squares


PRINT = StarLayout(label_size=11.0, number_size=5.5, number_every=1, marker_radius=2.6, marker_side=4.8)
"""On paper: the star is 150 mm wide or more, so every ring can carry its number."""
SCREEN = StarLayout(label_size=15.0, number_size=14.0, number_every=2, marker_radius=4.4, marker_side=8.0)
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
class StarGeometry:
    view_box: str
    width: float
    height: float
    radius: float
    scale_max: int
    layout: StarLayout
    axes: tuple[StarAxis, ...]
    rings: tuple[StarRing, ...]
    ring_numbers: tuple[tuple[int, float, float, float], ...]  # score, x and y of its baseline, width
    readings: tuple[StarShape, ...]
    styles: tuple[dict[str, str], ...] = READING_STYLES  # of the first and second reading, for the site's tool

    @property
    def label_size(self) -> float:
        return self.layout.label_size


def _round(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded


def axis_point(index: int, count: int, distance: float) -> tuple[float, float]:
    """Where ``distance`` along axis ``index`` of ``count`` lies; the first axis points up, the rest go clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return _round(distance * math.cos(angle)), _round(distance * math.sin(angle))


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in pairs)


def star_geometry(star: CultureStar, readings: Sequence[Reading] = (), layout: StarLayout = PRINT) -> StarGeometry:
    """Everything the ``_star.svg.j2`` macro draws: axes, rings from 1 to ``scale_max``, labels and readings.

    The view box is made to fit the labels, measured with the font's own widths.
    """
    count, top = len(star.points), star.scale_max
    size = layout.label_size
    measure = text_measure()
    axes = []
    left, right, above, below = -RADIUS, RADIUS, -RADIUS, RADIUS
    for index, point in enumerate(star.points):
        x, y = axis_point(index, count, RADIUS)
        label_x, label_y = axis_point(index, count, RADIUS + LABEL_GAP)
        horizontal = x / RADIUS
        anchor = "middle" if abs(horizontal) < 0.3 else ("start" if horizontal > 0 else "end")
        vertical = y / RADIUS
        if vertical < -0.3:
            label_y -= 1.0
        elif vertical > 0.3:
            label_y += size * 0.8
        else:
            label_y += size * 0.35
        axes.append(StarAxis(point.key, point.name, x, y, _round(label_x), _round(label_y), anchor))
        width = measure.width_em(point.name, bold=True) * size
        start = label_x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
        left, right = min(left, start), max(right, start + width)
        above, below = min(above, label_y - ASCENT * size), max(below, label_y + DESCENT * size)
    rings = tuple(
        StarRing(score, _points([axis_point(i, count, RADIUS * score / top) for i in range(count)]))
        for score in range(1, top + 1)
    )
    number_size = layout.number_size
    ring_numbers = tuple(  # beside the first axis, centred on their ring, each on a white patch as wide as it is
        (
            score,
            _round(0.3 * number_size),
            _round(-RADIUS * score / top + 0.35 * number_size),
            _round(measure.width_em(str(score)) * number_size),
        )
        for score in range(layout.number_every, top + 1, layout.number_every)
    )
    shapes = []
    for number, reading in enumerate(readings, start=1):
        vertices = tuple(
            StarVertex(
                point.key, reading.scores[point.key], *axis_point(i, count, RADIUS * reading.scores[point.key] / top)
            )
            for i, point in enumerate(star.points)
        )
        style = READING_STYLES[(number - 1) % len(READING_STYLES)]
        shapes.append(StarShape(reading.label, number, _points([(v.x, v.y) for v in vertices]), vertices, **style))
    left, right = math.floor(left - MARGIN), math.ceil(right + MARGIN)
    above, below = math.floor(above - MARGIN), math.ceil(below + MARGIN)
    width, height = right - left, below - above
    view_box = f"{left:g} {above:g} {width:g} {height:g}"
    return StarGeometry(view_box, width, height, RADIUS, top, layout, tuple(axes), rings, ring_numbers, tuple(shapes))


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
