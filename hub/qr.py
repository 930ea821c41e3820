"""QR codes and short links that take a reader from a printed page to its page on the site.

The code is an SVG ``data:`` URI made by segno, so WeasyPrint draws it sharply at
any size without fetching anything, and the same address always gives the same bytes.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup

QUIET_ZONE = 2  # modules of white around the code; the page margin around it adds more


@lru_cache(maxsize=1024)
def qr_data_uri(url: str) -> str:
    """The QR code for ``url`` as an SVG data URI that scales to whatever size CSS gives it."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff")


def qr_image(url: str) -> Markup:
    """An ``<img>`` of the QR code for ``url``, described for people who cannot see it."""
    return Markup('<img class="qr" src="{}" alt="QR code for {}">').format(qr_data_uri(url), short_link(url))


def short_link(url: str) -> str:
    """``https://host/path/`` as people would type it: ``host/path/``."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url
