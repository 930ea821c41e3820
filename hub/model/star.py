"""The culture star: its geometry for the SVG macro, its readings and the table of scores beside a filled star."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from hub.content.ratings import ScoreSheet
from hub.content.schemas import CultureStar

STAR_ID = "culture-star"
MAX_READINGS = 2
RADIUS = 100.0
LABEL_GAP = 9.0
LABEL_SIZE = 11.0
SPACE_FOR_LABELS = (96.0, 30.0)  # beside and above/below the star, in the SVG's units
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
    label_size: float
    axes: tuple[StarAxis, ...]
    rings: tuple[StarRing, ...]
    ring_numbers: tuple[tuple[int, float, float], ...]
    readings: tuple[StarShape, ...]


def _round(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded


def axis_point(index: int, count: int, distance: float) -> tuple[float, float]:
    """Where ``distance`` along axis ``index`` of ``count`` lies; the first axis points up, the rest go clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return _round(distance * math.cos(angle)), _round(distance * math.sin(angle))


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in pairs)


def star_geometry(star: CultureStar, readings: Sequence[Reading] = ()) -> StarGeometry:
    """Everything the ``_star.svg.j2`` macro draws: axes, rings from 1 to ``scale_max``, labels and readings."""
    count, top = len(star.points), star.scale_max
    axes = []
    for index, point in enumerate(star.points):
        x, y = axis_point(index, count, RADIUS)
        label_x, label_y = axis_point(index, count, RADIUS + LABEL_GAP)
        horizontal = x / RADIUS
        anchor = "middle" if abs(horizontal) < 0.3 else ("start" if horizontal > 0 else "end")
        vertical = y / RADIUS
        if vertical < -0.3:
            label_y -= 1.0
        elif vertical > 0.3:
            label_y += LABEL_SIZE * 0.8
        else:
            label_y += LABEL_SIZE * 0.35
        axes.append(StarAxis(point.key, point.name, x, y, _round(label_x), _round(label_y), anchor))
    rings = tuple(
        StarRing(score, _points([axis_point(i, count, RADIUS * score / top) for i in range(count)]))
        for score in range(1, top + 1)
    )
    ring_numbers = tuple((score, 2.0, _round(-RADIUS * score / top - 1.0)) for score in range(1, top + 1))
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
    side, above = SPACE_FOR_LABELS
    width, height = 2 * (RADIUS + side), 2 * (RADIUS + above)
    view_box = f"{-width / 2:g} {-height / 2:g} {width:g} {height:g}"
    return StarGeometry(view_box, width, height, RADIUS, LABEL_SIZE, tuple(axes), rings, ring_numbers, tuple(shapes))


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
