"""QR codes and short links that take a reader from a printed page to its page on the site.

The code is a PNG ``data:`` URI made by segno, at a resolution that prints
sharply.  A PNG is embedded once per PDF and reused on every page; an SVG code
was redrawn path by path on each page, a tenth of a handout's print time.  Nothing is fetched, and the same address
always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import segno
from markupsafe import Markup

from hub.atomic import replace_file

QUIET_ZONE = 2  # modules of white around the code; the page margin around it adds more
PIXELS_PER_MODULE = 8  # about 450 dpi at the printed size, so viewers and printers draw it sharply
_RECIPE = f"segno {segno.__version__}, error m, scale {PIXELS_PER_MODULE}, border {QUIET_ZONE}"

_made: dict[str, str] = {}


def qr_data_uri(url: str) -> str:
    """The QR code for ``url`` as a PNG data URI."""
    if url not in _made:
        code = segno.make(url, error="m", micro=False)
        _made[url] = code.png_data_uri(scale=PIXELS_PER_MODULE, border=QUIET_ZONE, dark="#000", light="#fff")
    return _made[url]


@contextmanager
def remembered_in(cache_file: Path, *, save: bool = True) -> Iterator[None]:
    """Reuse the codes made by earlier builds, and (with ``save``) keep this build's for the next.

    Choosing each code's best mask takes about 10 ms, most of a no-op build's rendering time.
    ``check`` reads the file but never writes it.
    """
    try:
        saved = json.loads(cache_file.read_text(encoding="utf-8"))
        if saved.get("recipe") == _RECIPE:
            _made.update({url: uri for url, uri in saved["codes"].items() if url not in _made})
    except (OSError, ValueError, AttributeError, KeyError):
        pass  # no cache yet, or one from another version: the codes are made again
    known = dict(_made)
    yield
    if save and _made != known:
        replace_file(cache_file, json.dumps({"recipe": _RECIPE, "codes": dict(sorted(_made.items()))}).encode())


def qr_image(url: str) -> Markup:
    """An ``<img>`` of the QR code for ``url``, described for people who cannot see it."""
    return Markup('<img class="qr" src="{}" alt="QR code for {}">').format(qr_data_uri(url), short_link(url))


def short_link(url: str) -> str:
    """``https://host/path/`` as people would type it: ``host/path/``."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url
