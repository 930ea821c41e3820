"""The culture star: its geometry for the SVG macro, and ratings read from the command line or a YAML file.

``python build.py star --ratings values=6,identity=4,... -o star.pdf`` draws the
star filled in from one reading, or two overlaid (``--compare``), with a table
of the numbers beside it.  Unknown points and out-of-range scores are usage
errors (exit 2) that say what was meant.
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

if TYPE_CHECKING:
    from hub.render import Paper
    from hub.schemas import CultureStar

STAR_ID = "culture-star"
MAX_READINGS = 2
DEFAULT_LABELS = ("First reading", "Second reading")
RADIUS = 100.0
LABEL_GAP = 9.0
LABEL_SIZE = 11.0
SPACE_FOR_LABELS = (96.0, 30.0)  # beside and above/below the star, in the SVG's units
READING_STYLES = (
    {"stroke": "#0b3d5c", "fill": "#2a7ab0", "fill_opacity": "0.28", "dash": "", "marker": "circle"},
    {"stroke": "#a35a00", "fill": "#e39a3b", "fill_opacity": "0.18", "dash": "5 3", "marker": "square"},
)


class RatingsError(Exception):
    """Ratings that cannot be drawn; each message says what to change."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


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


# --- ratings ------------------------------------------------------------------

_SCORE = re.compile(r"\d+(\.\d+)?")


def _did_you_mean(name: str, keys: list[str]) -> str:
    normal = re.sub(r"[\s_]+", "-", name.strip().lower())
    if normal in keys and normal != name:
        return f"; did you mean '{normal}'?"
    guess = difflib.get_close_matches(normal, keys, n=1, cutoff=0.5)
    return f"; did you mean '{guess[0]}'?" if guess else ""


def check_score(key: str, text: str, scale_max: int) -> tuple[float | None, str | None]:
    """The score written as ``text``, or why it is not one."""
    text = text.strip()
    if _SCORE.fullmatch(text):
        value = float(text)
        if 1 <= value <= scale_max:
            return value, None
    return None, f"the score for '{key}' must be a number from 1 to {scale_max}, not '{text}'"


def _unknown_key(key: str, keys: list[str]) -> str:
    return f"unknown point '{key}'{_did_you_mean(key, keys)} (the points are: {', '.join(keys)})"


def _missing(found: dict[str, float], keys: list[str]) -> str | None:
    missing = [key for key in keys if key not in found]
    if not missing:
        return None
    return f"no score for {', '.join(missing)}: every point of the star needs a score"


def parse_ratings(text: str, star: CultureStar, option: str = "--ratings") -> dict[str, float]:
    """``values=6,identity=4,...`` → scores by key, every point given once, each from 1 to ``scale_max``."""
    keys = [point.key for point in star.points]
    scores: dict[str, float] = {}
    problems: list[str] = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        key, equals, value = part.partition("=")
        key = key.strip()
        if not equals:
            problems.append(
                f"{option}: expected point=score pairs separated by commas, like values=6,identity=4; got '{part}'"
            )
            continue
        if key not in keys:
            problems.append(f"{option}: {_unknown_key(key, keys)}")
            continue
        if key in scores:
            problems.append(f"{option}: '{key}' is given more than once")
            continue
        score, problem = check_score(key, value, star.scale_max)
        if problem:
            problems.append(f"{option}: {problem}")
        else:
            scores[key] = score
    if not problems and (missing := _missing(scores, keys)):
        problems.append(f"{option}: {missing}")
    if problems:
        raise RatingsError(problems)
    return scores


def _located(path: str, node: Node, field: str, message: str) -> str:
    where = f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"
    return f"{where}: {field}: {message}" if field else f"{where}: {message}"


def _mapping_items(node: Node) -> list[tuple[ScalarNode, Node]]:
    return [(key, value) for key, value in node.value if isinstance(key, ScalarNode)]


def _scores_from_node(node: Node, star: CultureStar, path: str, field: str, problems: list[str]) -> dict[str, float]:
    keys = [point.key for point in star.points]
    if not isinstance(node, MappingNode):
        problems.append(_located(path, node, field, "expected point: score lines, like 'values: 6'"))
        return {}
    scores: dict[str, float] = {}
    before = len(problems)
    for key_node, value_node in _mapping_items(node):
        key = key_node.value
        where = f"{field}.{key}" if field else key
        if key not in keys:
            problems.append(_located(path, key_node, where, _unknown_key(key, keys)))
        elif not isinstance(value_node, ScalarNode):
            problems.append(_located(path, value_node, where, f"expected a score from 1 to {star.scale_max}"))
        else:
            score, problem = check_score(key, value_node.value, star.scale_max)
            if problem:
                problems.append(_located(path, value_node, where, problem))
            else:
                scores[key] = score
    if len(problems) == before and (missing := _missing(scores, keys)):
        problems.append(_located(path, node, field, missing))
    return scores


def read_ratings_file(file: Path, star: CultureStar) -> tuple[str | None, list[Reading]]:
    """A YAML file of one reading (``values: 6`` lines), or of ``title:`` and up to two ``readings:``.

    A reading in ``readings:`` is ``label:`` and ``scores:``.  Problems come back
    as ``path:line:col: field: message`` in :class:`RatingsError`.
    """
    from hub.yamlload import load_yaml

    shown = str(file)
    if not file.is_file():
        raise RatingsError([f"--ratings-file: cannot read {shown}: no such file"])
    document, found = load_yaml(file, shown)
    if document is None:
        raise RatingsError([str(problem) for problem in found])
    root = document.root
    problems: list[str] = []
    if not isinstance(root, MappingNode):
        raise RatingsError([_located(shown, root, "", "expected point: score lines, or title: and readings:")])
    fields = {key.value: value for key, value in _mapping_items(root)}
    if "readings" not in fields:
        scores = _scores_from_node(root, star, shown, "", problems)
        if problems:
            raise RatingsError(problems)
        return None, [Reading("", scores)]
    title = None
    for name, node in fields.items():
        if name == "title" and isinstance(node, ScalarNode) and node.value.strip():
            title = node.value.strip()
        elif name not in ("title", "readings"):
            guess = difflib.get_close_matches(name, ["title", "readings"], n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            key_node = next(key for key, _ in _mapping_items(root) if key.value == name)
            problems.append(_located(shown, key_node, name, f"unknown field '{name}'{hint}"))
        elif name == "title":
            problems.append(_located(shown, node, name, "expected a title as text"))
    entries = fields["readings"]
    if not isinstance(entries, SequenceNode) or not entries.value:
        problems.append(_located(shown, entries, "readings", "expected a list of one or two readings"))
        raise RatingsError(problems)
    if len(entries.value) > MAX_READINGS:
        problems.append(_located(shown, entries.value[MAX_READINGS], "readings", "at most two readings can be drawn"))
    readings = []
    for index, entry in enumerate(entries.value[:MAX_READINGS], start=1):
        where = f"readings[{index}]"
        if not isinstance(entry, MappingNode):
            problems.append(_located(shown, entry, where, "expected label: and scores:"))
            continue
        parts = {key.value: (key, value) for key, value in _mapping_items(entry)}
        for name, (key_node, _) in parts.items():
            if name not in ("label", "scores"):
                guess = difflib.get_close_matches(name, ["label", "scores"], n=1)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                problems.append(_located(shown, key_node, f"{where}.{name}", f"unknown field '{name}'{hint}"))
        label = ""
        if "label" in parts:
            label_node = parts["label"][1]
            if isinstance(label_node, ScalarNode) and label_node.value.strip():
                label = label_node.value.strip()
            else:
                problems.append(_located(shown, label_node, f"{where}.label", "expected a label as text"))
        if "scores" not in parts:
            problems.append(_located(shown, entry, f"{where}.scores", "required field is missing"))
            continue
        scores = _scores_from_node(parts["scores"][1], star, shown, f"{where}.scores", problems)
        readings.append(Reading(label, scores))
    if problems:
        raise RatingsError(problems)
    return title, readings


def gather_readings(args: argparse.Namespace, star: CultureStar) -> tuple[str | None, list[Reading]]:
    """The one or two readings the command line asks for, labelled."""
    problems: list[str] = []
    title: str | None = None
    readings: list[Reading] = []
    for option, spec, file in (
        ("--ratings", args.ratings, args.ratings_file),
        ("--compare", args.compare, args.compare_file),
    ):
        if spec is not None and file is not None:
            problems.append(f"give {option} or {option}-file, not both")
            continue
        try:
            if spec is not None:
                readings.append(Reading("", parse_ratings(spec, star, option)))
            elif file is not None:
                file_title, found = read_ratings_file(Path(file), star)
                title = title or file_title
                readings += found
        except RatingsError as error:
            problems += error.messages
    if not problems and not readings:
        problems.append("give the scores with --ratings values=6,identity=4,... or --ratings-file FILE")
    if not problems and len(readings) > MAX_READINGS:
        problems.append("at most two readings can be drawn; the ratings file already holds two, so leave out --compare")
    if (args.ratings is None and args.ratings_file is None) and (args.compare or args.compare_file):
        problems.append("--compare needs --ratings or --ratings-file for the first reading")
    if problems:
        raise RatingsError(problems)
    labels = [args.label, args.compare_label]
    named = []
    for index, reading in enumerate(readings):
        label = labels[index] or reading.label or (DEFAULT_LABELS[index] if len(readings) > 1 else "Score")
        named.append(Reading(label, reading.scores))
    return args.title or title, named


# --- the command ----------------------------------------------------------------


def add_star_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ratings", metavar="POINT=SCORE,...", help="scores for every point, e.g. values=6,identity=4")
    parser.add_argument("--ratings-file", metavar="FILE", help="a YAML file of scores (or of title: and readings:)")
    parser.add_argument("--compare", metavar="POINT=SCORE,...", help="a second reading to overlay, e.g. staff scores")
    parser.add_argument("--compare-file", metavar="FILE", help="the second reading as a YAML file")
    parser.add_argument("--label", help="what the first reading is, e.g. Manager or Before")
    parser.add_argument("--compare-label", help="what the second reading is, e.g. Staff or After")
    parser.add_argument("--title", help="a title for the sheet, e.g. 'Our team, May 2026'")
    parser.add_argument("-o", "--output", required=True, metavar="PDF", help="where to write the PDF")


def _usage_error(messages: list[str]) -> int:
    for message in messages:
        print(f"build.py star: error: {message}", file=sys.stderr)
    return 2


def run_star(project: Path, args: argparse.Namespace, paper: Paper | None = None) -> int:
    """Validate content and ratings, then print the filled star to ``args.output``."""
    from hub.content import load_library
    from hub.schemas import CultureStar

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        return _usage_error([f"-o: the output must be a .pdf file, not '{args.output}'"])
    library = load_library(project)
    entry = library.entries.get(STAR_ID)
    if entry is None or not isinstance(entry.item, CultureStar):
        return _usage_error([f"there is no culture star: content/stars/{STAR_ID}.yml is missing"])
    try:
        title, readings = gather_readings(args, entry.item)
    except RatingsError as error:
        return _usage_error(error.messages)
    from hub.print_products import print_filled_star

    print_filled_star(project, library, entry, readings, title, output, paper)
    shown = " and ".join(reading.label for reading in readings) if len(readings) > 1 else "one reading"
    print(f"Wrote {output}: the culture star filled in with {shown}.")
    return 0


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
