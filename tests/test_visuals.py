"""A few printed pages look as they did: each compared with its pinned picture (tests/visuals.py).

A page that changed on purpose is drawn again with ``make update-visuals``; look at the new pictures before
committing them.  On a difference, the page as drawn now and the difference are saved beside the test's
temporary files, and the message says where.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps

from visuals import MEAN_LIMIT, PINNED, TILE_LIMIT, Pinned, differences, draw

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("pinned", PINNED, ids=lambda pinned: pinned.picture.stem)
def test_a_printed_page_looks_as_pinned(built: Path, tmp_path: Path, pinned: Pinned) -> None:
    assert pinned.picture.is_file(), f"no picture pinned for {pinned.pdf}: run make update-visuals"
    found = draw(built / "site/pdf" / pinned.pdf, pinned.page)
    with Image.open(pinned.picture) as picture:
        expected = picture.convert("L")
    mean, tile = differences(expected, found)
    if mean >= MEAN_LIMIT or tile >= TILE_LIMIT:
        found.save(tmp_path / "now.png")
        if expected.size == found.size:
            ImageOps.invert(ImageChops.difference(expected, found)).save(tmp_path / "difference.png")
        pytest.fail(
            f"{pinned.pdf} page {pinned.page} differs from {pinned.picture.name}: mean {mean:.2f} "
            f"(limit {MEAN_LIMIT}), worst tile {tile:.2f} (limit {TILE_LIMIT}); see {tmp_path}. "
            "If the change is meant, run make update-visuals and look at the new pictures."
        )
