"""hub.printing.cache: a cached PDF is used only if its bytes are what was stored."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from conftest import REPO
from hub.printing.cache import PdfCache, cache_key, print_inputs_hash
from hub.render.outputs import PdfFacts


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF = blank_pdf(2)


@pytest.fixture
def cache(tmp_path: Path) -> PdfCache:
    return PdfCache(tmp_path / "cache", "inputs")


def test_a_stored_pdf_is_found_and_copied(cache: PdfCache, tmp_path: Path) -> None:
    stored = cache.store("<html>", PDF)
    assert cache.lookup("<html>") == stored
    assert cache.copy_to("<html>", tmp_path / "site" / "a.pdf")
    assert (tmp_path / "site" / "a.pdf").read_bytes() == PDF
    assert cache.lookup("<other html>") is None
    assert cache.facts("<html>") == PdfFacts(len(PDF), 2)


def test_the_page_count_the_printer_gives_is_kept_without_reading_the_pdf(cache: PdfCache) -> None:
    cache.store("<html>", b"%PDF-1.7 laid out by the printer", pages=3)
    assert cache.facts("<html>") == PdfFacts(len(b"%PDF-1.7 laid out by the printer"), 3)


def test_a_pdf_whose_pages_cannot_be_counted_has_no_facts(cache: PdfCache) -> None:
    cache.store("<html>", b"%PDF-1.7 not really")
    assert cache.lookup("<html>") is not None and cache.facts("<html>") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda pdf: pdf[:20] + b"\0" * 100 + pdf[120:],  # zeros in the middle, header and %%EOF intact
        lambda pdf: pdf[:100],  # truncated
        lambda pdf: b"",  # emptied
    ],
    ids=["zeroed", "truncated", "empty"],
)
def test_a_damaged_entry_is_thrown_away(cache: PdfCache, tmp_path: Path, damage) -> None:
    stored = cache.store("<html>", PDF)
    stored.write_bytes(damage(PDF))
    assert cache.lookup("<html>") is None
    assert not cache.copy_to("<html>", tmp_path / "a.pdf")
    assert not stored.exists() and not (tmp_path / "a.pdf").exists()


def test_an_entry_without_its_hash_is_not_trusted(cache: PdfCache) -> None:
    stored = cache.store("<html>", PDF)
    stored.with_suffix(".sha256").unlink()
    assert cache.lookup("<html>") is None


def test_prune_keeps_only_what_was_used(cache: PdfCache) -> None:
    kept = cache.store("<kept>", PDF)
    gone = cache.store("<gone>", PDF)
    (cache.folder / ".leftover.pdf.123.part").write_bytes(b"half")
    cache.prune({cache.key("<kept>")})
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted([kept.name, kept.with_suffix(".sha256").name])
    assert not gone.exists()


def test_keys_depend_on_html_and_inputs() -> None:
    assert cache_key("a", "<html>") != cache_key("b", "<html>") != cache_key("a", "<other>")
    assert len(print_inputs_hash(REPO)) == 64
