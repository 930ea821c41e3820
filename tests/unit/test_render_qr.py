"""hub.render.qr: QR codes for printed pages, remembered between builds."""

from __future__ import annotations

import json
from pathlib import Path

from hub.render import qr


def test_the_same_address_gives_the_same_code() -> None:
    first = qr.qr_data_uri("https://example.org/a/")
    assert first.startswith("data:image/png;base64,")
    assert qr.qr_data_uri("https://example.org/a/") == first
    assert qr.qr_data_uri("https://example.org/b/") != first


def test_codes_are_kept_for_the_next_build_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "qr.json"
    cache.write_text("{not json", encoding="utf-8")
    with qr.remembered_in(cache):
        uri = qr.qr_data_uri("https://example.org/remembered/")
    saved = json.loads(cache.read_text(encoding="utf-8"))
    assert saved["codes"]["https://example.org/remembered/"] == uri
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_image_and_short_link() -> None:
    image = str(qr.qr_image("https://example.org/x/"))
    assert (
        image.startswith('<img class="qr" src="data:image/png;base64,') and 'alt="QR code for example.org/x/"' in image
    )
    assert qr.short_link("http://example.org/y/") == "example.org/y/"
    assert qr.short_link("mailto:a@b") == "mailto:a@b"
