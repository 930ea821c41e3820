"""Pinned pictures of a few printed pages, for tests/test_visuals.py; ``make update-visuals`` draws them again.

Each is one page of one PDF of a real build (at ``conftest.SITE_URL``, dated ``conftest.EPOCH``), drawn by
poppler at 40 dpi in greys.  A page matches its picture when the mean absolute difference of their pixels is
under ``MEAN_LIMIT`` over the page and under ``TILE_LIMIT`` in every tile of a 16 by 16 grid, so that a change
in one corner is not lost in the average, while the grain of another poppler's anti-aliasing passes.

    python tests/visuals.py [BUILT_PROJECT]   # draw them from a project already built, or build a copy first
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

FOLDER = Path(__file__).resolve().parent / "visuals"
DPI = 40
GRID = 16  # tiles of about 13 by 19 mm on A4: one word changed in a heading gives a tile about 11 apart
MEAN_LIMIT = 1.0  # grey levels, of 255
TILE_LIMIT = 6.0


@dataclass(frozen=True)
class Pinned:
    pdf: str  # under site/pdf/
    page: int

    @property
    def picture(self) -> Path:
        return FOLDER / f"{Path(self.pdf).stem}-{self.page}.png"


PINNED = (
    Pinned("what-are-personal-outcomes.pdf", 1),  # a handout
    Pinned("exercise-6-risk-taking-worksheet-fillable.pdf", 1),  # a worksheet, with its fields
    Pinned("cards-recording-principles.pdf", 1),  # a sheet of cards, with crop marks
    Pinned("poster-recording-principles-a3.pdf", 1),  # a poster
    Pinned("two-hour-part-one.pdf", 1),  # a workshop pack's first page
    Pinned("culture-star.pdf", 1),  # the culture star
)


def draw(pdf: Path, page: int) -> Image.Image:
    """``page`` of ``pdf`` at 40 dpi, in greys."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile",
             str(pdf), str(prefix)],
            check=True,
        )  # fmt: skip
        with Image.open(prefix.with_suffix(".png")) as image:
            return image.convert("L").copy()


def differences(expected: Image.Image, found: Image.Image) -> tuple[float, float]:
    """The mean absolute difference over the page, and the largest over a tile of the grid."""
    if expected.size != found.size:
        return 255.0, 255.0
    diff = ImageChops.difference(expected, found)
    width, height = diff.size

    def mean(box: tuple[int, int, int, int]) -> float:
        part = diff.crop(box)
        histogram = part.histogram()
        return sum(level * count for level, count in enumerate(histogram)) / max(part.width * part.height, 1)

    tiles = [
        mean((width * col // GRID, height * row // GRID, width * (col + 1) // GRID, height * (row + 1) // GRID))
        for row in range(GRID)
        for col in range(GRID)
    ]
    return mean((0, 0, width, height)), max(tiles)


def update(built: Path) -> None:
    FOLDER.mkdir(exist_ok=True)
    for pinned in PINNED:
        draw(built / "site/pdf" / pinned.pdf, pinned.page).save(pinned.picture, optimize=True)
        print(f"Drew {pinned.picture.relative_to(FOLDER.parent.parent)}")


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    sys.path[:0] = [str(here), str(here.parent)]  # conftest, and the hub it copies
    from conftest import copy_project, run_build

    if argv:
        update(Path(argv[0]))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        print("Building a copy of the project, as the tests do …", file=sys.stderr)
        result = run_build(project, "build")
        if result.code != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        update(project)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
