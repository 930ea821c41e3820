"""The culture star: the SVG macro's axes, rings and readings, ratings parsing, and ``build.py star``."""

from __future__ import annotations

import math
import subprocess
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import REPO, Run, run_build
from hub.cli.star import RatingsError, gather_readings, parse_ratings
from hub.content import load_library
from hub.content.schemas import CultureStar
from hub.model.star import PRINT, Reading, score_rows, star_geometry
from hub.render.environment import make_environment
from hub.render.markup import AuthorText

SVG = "{http://www.w3.org/2000/svg}"
NAMES = [
    "Values",
    "Identity",
    "Outcomes",
    "Strengths",
    "Learning and change",
    "Community",
    "Co-production",
    "Communication",
]
KEYS = [name.lower().replace(" ", "-") for name in NAMES]
POINTS = ", ".join(KEYS)
MANAGER = "values=6,identity=4,outcomes=7,strengths=5,learning-and-change=3,community=8,co-production=4,communication=6"
STAFF = "values=7,identity=6,outcomes=7.5,strengths=6,learning-and-change=5,community=8,co-production=6,communication=7"


@pytest.fixture(scope="module")
def star() -> CultureStar:
    item = load_library(REPO).entries["culture-star"].item
    assert isinstance(item, CultureStar)
    return item


def draw(star: CultureStar, readings: list[Reading]) -> etree._Element:
    environment = make_environment(REPO / "templates", AuthorText({}))
    template = environment.from_string('{% from "_star.svg.j2" import star_svg %}{{ star_svg(geometry, "A star") }}')
    return etree.fromstring(template.render(geometry=star_geometry(star, readings)).encode())


def points_of(polygon: etree._Element) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split(",")) for pair in polygon.get("points").split()]


def polar(x: float, y: float) -> tuple[float, float]:
    """Distance from the centre, and the angle clockwise from straight up, in degrees."""
    return math.hypot(x, y), math.degrees(math.atan2(x, -y)) % 360


def test_the_blank_star_has_eight_labelled_axes_and_ten_rings(star: CultureStar) -> None:
    svg = draw(star, [])
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "A star"
    axes = svg.findall(f".//{SVG}line[@class='star-axis']")
    assert [axis.get("data-key") for axis in axes] == KEYS
    for index, axis in enumerate(axes):
        distance, angle = polar(float(axis.get("x2")), float(axis.get("y2")))
        assert distance == pytest.approx(PRINT.radius, abs=0.01)
        assert angle == pytest.approx(index * 45, abs=0.01)
    labels = svg.findall(f".//{SVG}text[@class='star-label']")
    assert [label.text for label in labels] == [point.name for point in star.points]
    assert [label.text for label in labels][4] == "Learning and change"
    rings = svg.findall(f".//{SVG}polygon[@class='star-ring']")
    assert [int(ring.get("data-score")) for ring in rings] == list(range(1, 11))
    for ring in rings:
        corners = points_of(ring)
        assert len(corners) == 8
        for x, y in corners:
            assert polar(x, y)[0] == pytest.approx(PRINT.radius * int(ring.get("data-score")) / 10, abs=0.01)
    numbers = svg.findall(f".//{SVG}g[@class='star-ring-numbers']/{SVG}text")
    assert [text.text for text in numbers] == [str(n) for n in range(1, 11)] * 4  # in four gaps between axes
    for text in numbers:  # each where its ring crosses the middle of a gap, never on an axis
        distance, angle = polar(float(text.get("x")), float(text.get("y")) - 0.35 * PRINT.number_size)
        assert distance == pytest.approx(PRINT.radius * int(text.text) / 10 * math.cos(math.pi / 8), abs=0.02)
        assert angle % 90 == pytest.approx(22.5, abs=0.1)
    assert svg.findall(f".//{SVG}polygon[@class='star-reading-shape']") == []


def test_a_filled_star_puts_each_score_on_its_axis(star: CultureStar) -> None:
    manager = Reading("Manager", parse_ratings(MANAGER, star))
    staff = Reading("Staff", parse_ratings(STAFF, star))
    svg = draw(star, [manager, staff])
    shapes = svg.findall(f".//{SVG}polygon[@class='star-reading-shape']")
    assert [shape.get("data-reading") for shape in shapes] == ["1", "2"]
    assert [group.get("data-label") for group in svg.findall(f".//{SVG}g[@class='star-reading']")] == [
        "Manager",
        "Staff",
    ]
    assert shapes[1].get("stroke-dasharray") and not shapes[0].get("stroke-dasharray")
    for shape, reading in zip(shapes, (manager, staff), strict=True):
        corners = points_of(shape)
        assert len(corners) == 8
        for index, (key, (x, y)) in enumerate(zip(KEYS, corners, strict=True)):
            distance, angle = polar(x, y)
            assert distance == pytest.approx(PRINT.radius * reading.scores[key] / 10, abs=0.01)
            assert angle == pytest.approx(index * 45, abs=0.01)
    assert staff.scores["outcomes"] == 7.5


def test_score_rows_give_the_change_and_the_averages(star: CultureStar) -> None:
    rows = score_rows(
        star, [Reading("Before", parse_ratings(MANAGER, star)), Reading("After", parse_ratings(STAFF, star))]
    )
    assert rows[0].name == "Values" and rows[0].scores == ("6", "7") and rows[0].change == "+1"
    assert rows[2].scores == ("7", "7.5") and rows[2].change == "+0.5"
    assert rows[5].change == "0"
    assert rows[-1].name == "Average" and rows[-1].scores == ("5.4", "6.6") and rows[-1].change == "+1.2"


NOT_A_SCORE = "--ratings: the score for 'values' must be a number from 1 to 10, not '{}'"
BAD_RATINGS = [
    (MANAGER.replace("values=", "valus="),
     f"--ratings: unknown point 'valus'; did you mean 'values'? (the points are: {POINTS})"),
    (MANAGER.replace("co-production", "Co_Production"),
     "--ratings: unknown point 'Co_Production'; did you mean 'co-production'?"),
    (MANAGER.replace("values=6", "values=11"), NOT_A_SCORE.format("11")),
    (MANAGER.replace("values=6", "values=0"), NOT_A_SCORE.format("0")),
    (MANAGER.replace("values=6", "values=high"), NOT_A_SCORE.format("high")),
    (MANAGER + ",values=5", "--ratings: 'values' is given more than once"),
    (MANAGER.replace("values=6", "values 6"),
     "--ratings: expected point=score pairs separated by commas, like values=6,identity=4; got 'values 6'"),
    ("values=6,identity=4",
     f"--ratings: no score for {POINTS.removeprefix('values, identity, ')}: every point of the star needs a score"),
]  # fmt: skip


@pytest.mark.parametrize(("ratings", "message"), BAD_RATINGS)
def test_bad_ratings_say_what_to_change(star: CultureStar, ratings: str, message: str) -> None:
    with pytest.raises(RatingsError) as error:
        parse_ratings(ratings, star)
    assert any(found.startswith(message) for found in error.value.messages), error.value.messages


def _args(**given: str | None) -> Namespace:
    names = ("ratings", "ratings_file", "compare", "compare_file", "label", "compare_label", "title")
    return Namespace(**{name: given.get(name) for name in names})


def test_readings_are_labelled_first_and_second_unless_named(star: CultureStar) -> None:
    _, readings = gather_readings(_args(ratings=MANAGER, compare=STAFF), star)
    assert [reading.label for reading in readings] == ["First reading", "Second reading"]
    _, readings = gather_readings(_args(ratings=MANAGER, compare=STAFF, label="Manager", compare_label="Staff"), star)
    assert [reading.label for reading in readings] == ["Manager", "Staff"]
    with pytest.raises(RatingsError, match="--compare needs --ratings"):
        gather_readings(_args(compare=STAFF), star)
    with pytest.raises(RatingsError, match="give --ratings or --ratings-file, not both"):
        gather_readings(_args(ratings=MANAGER, ratings_file="x.yml"), star)


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.mark.e2e
def test_star_command_prints_two_readings_with_their_numbers(project: Path) -> None:
    out = project / "star.pdf"
    labels = ("--label", "Manager", "--compare-label", "Staff")
    result = run_build(project, "star", "--ratings", MANAGER, "--compare", STAFF, *labels, "-o", str(out))
    assert result.code == 0, result.stderr
    assert result.stdout == f"Wrote {out}: the culture star filled in with Manager and Staff.\n"
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    width, height = (float(n) for n in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait: the star across the page, the table under it
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = pdf_text(out)
    for name in NAMES:
        assert name in text
    assert "Values 6 7 +1" in text and "Outcomes 7 7.5 +0.5" in text and "Average 5.4 6.6 +1.2" in text
    assert "Manager" in text and "Staff" in text and "Source:" in text


@pytest.mark.e2e
def test_star_command_reads_a_ratings_file(project: Path) -> None:
    ratings = project / "ratings.yml"
    before = ", ".join(f"{key}: {score}" for key, score in zip(KEYS, (3, 4, 5, 5, 2, 6, 3, 4), strict=True))
    after = ", ".join(f"{key}: {score}" for key, score in zip(KEYS, (6, 6, 7, 6, 5, 7, 5, 6), strict=True))
    ratings.write_text(
        "title: Our team, May 2026\n"
        "readings:\n"
        f"  - label: Before\n    scores: {{{before}}}\n"
        f"  - label: After\n    scores: {{{after}}}\n",
        encoding="utf-8",
    )
    result = run_build(project, "star", "--ratings-file", str(ratings), "-o", str(project / "out.pdf"))
    assert result.code == 0, result.stderr
    text = pdf_text(project / "out.pdf")
    assert "Our team, May 2026" in text and "Values 3 6 +3" in text and "Before" in text and "After" in text


def test_star_command_usage_errors_exit_2_with_where_and_what(
    project: Path, run_in_process: Callable[..., Run]
) -> None:
    result = run_in_process(project, "star", "--ratings", MANAGER.replace("identity=4", "identiy=4"), "-o", "s.pdf")
    assert result.code == 2
    assert result.stderr.startswith(
        "build.py star: error: --ratings: unknown point 'identiy'; did you mean 'identity'?"
    )
    assert "Traceback" not in result.stderr
    assert not (project / "s.pdf").exists()

    # A ratings file's problems are reported like every content problem (the audit's ratings too): exit 1.
    ratings = project / "bad.yml"
    ratings.write_text("values: 6\nidentity: 12\noutcome: 7\n", encoding="utf-8")
    result = run_in_process(project, "star", "--ratings-file", str(ratings), "-o", "s.pdf")
    assert result.code == 1
    lines = result.stderr.splitlines()
    missing = [key for key in KEYS if key not in ("values", "identity", "outcomes")]
    assert lines == [
        *(
            f"{ratings}:1:1: {key}: is not rated; give it a score from 1 to 10"
            for key in sorted([*missing, "outcomes"])
        ),
        f"{ratings}:2:11: identity: expected a score from 1 to 10, not '12'",
        f"{ratings}:3:1: outcome: unknown point; did you mean 'outcomes'?",
        "8 problems found; nothing was written.",
    ]
    assert not (project / "s.pdf").exists()

    result = run_in_process(project, "star", "--ratings", MANAGER)
    assert result.code == 2 and "the following arguments are required: -o/--output" in result.stderr

    # Titles and labels are printed, so they must be printable: the content's rules for characters.
    result = run_in_process(
        project,
        "star",
        "--ratings",
        MANAGER,
        "--compare",
        STAFF,
        "--compare-label",
        "\u30b9\u30bf\u30c3\u30d5",
        "--title",
        "Ours\x1b[31m",
        "-o",
        "s.pdf",
    )
    assert result.code == 2
    assert result.stderr.splitlines() == [
        "build.py star: error: --title: control character '\\x1b' (U+001B ESCAPE) is not allowed in text; delete it",
        "build.py star: error: --compare-label: character '\u30b9' (U+30B9 KATAKANA LETTER SU) cannot be printed: "
        "the fonts the PDFs are printed in have no glyph for it; write it another way or leave it out",
    ]
    assert not (project / "s.pdf").exists()
