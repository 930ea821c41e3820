"""The PDF cache (issue #12, class 8): an entry whose bytes are not what was stored is never used. It is
thrown away and the PDF printed again, by the build and by the live preview alike."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import EPOCH, SITE_URL, copy_project, run_build
from hub.printing.cache import PdfCache, print_inputs_hash
from hub.render.outputs import PrintJob
from hub.settings import A4, Paths, Settings

PDF = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 400 + b"trailer << >>\n%%EOF\n"


def zeros_in_the_middle(file: Path) -> None:
    """Zeros over the middle of ``file``: its header and ``%%EOF`` intact, its length the same."""
    data = bytearray(file.read_bytes())
    middle = len(data) // 2
    data[middle - 512 : middle + 512] = bytes(1024)
    file.write_bytes(bytes(data))


def truncated(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def without_its_hash(file: Path) -> None:
    file.with_suffix(".sha256").unlink()


DAMAGE = {"zeros in the middle": zeros_in_the_middle, "truncated": truncated, "no .sha256": without_its_hash}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_not_used_and_is_thrown_away(tmp_path: Path, damage: str) -> None:
    cache = PdfCache(tmp_path / "pdf", "inputs")
    entry = cache.store("<html>", PDF)
    assert cache.lookup("<html>") == entry
    DAMAGE[damage](entry)
    target = tmp_path / "site/x.pdf"
    target.parent.mkdir()
    assert not cache.copy_to("<html>", target)
    assert not target.exists()
    assert list(cache.folder.iterdir()) == []  # the bad entry and its hash are gone
    assert cache.copy_to("<html>", target) is False  # and stay gone until printed again
    cache.store("<html>", PDF)
    assert cache.copy_to("<html>", target) and target.read_bytes() == PDF


def test_pruning_keeps_what_was_used_and_writes_still_under_way(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path / "pdf", "inputs")
    used, unused = cache.store("<used>", PDF), cache.store("<unused>", PDF)
    finished = subprocess.Popen(["true"])
    finished.wait()
    live = cache.folder / f".{unused.name}.{os.getpid()}.part"  # another writer's, still writing
    left = cache.folder / f".{unused.name}.{finished.pid}.part"  # a killed writer's
    live.write_bytes(b"%PDF-1.7 half")
    left.write_bytes(b"%PDF-1.7 half")
    cache.prune({used.stem})
    assert sorted(file.name for file in cache.folder.iterdir()) == sorted([used.name, f"{used.stem}.sha256", live.name])


def test_the_preview_reprints_a_damaged_entry_and_copies_a_sound_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live preview's PDF worker looks up the cache the same way: a damaged entry is printed again."""
    import hub.printing.pool
    from hub.cli.serve import PdfWorker

    project = tmp_path / "project"
    settings = Settings(Paths(project), A4, datetime.fromtimestamp(int(EPOCH), UTC), "/", {})
    cache = PdfCache(settings.paths.pdf_cache, print_inputs_hash(project))
    damaged, sound = (
        PrintJob("pdf/damaged.pdf", "<p>damaged", "damaged"),
        PrintJob("pdf/sound.pdf", "<p>sound", "sound"),
    )
    zeros_in_the_middle(cache.store(damaged.html, PDF))
    cache.store(sound.html, PDF.replace(b"Catalog", b"Katalog"))
    printed: list[str] = []

    @contextmanager
    def printer(*args: object):
        yield None

    def print_later(pool: object, job: PrintJob, docs: Path) -> Future[str]:
        printed.append(job.pdf_path)
        (docs / job.pdf_path).parent.mkdir(parents=True, exist_ok=True)
        (docs / job.pdf_path).write_bytes(b"printed again")
        done: Future[str] = Future()
        done.set_result(str(docs / job.pdf_path))
        return done

    monkeypatch.setattr(hub.printing.pool, "background_printer", printer)
    monkeypatch.setattr(hub.printing.pool, "print_later", print_later)
    worker = PdfWorker(settings)
    worker.start()
    worker.submit([damaged, sound])
    docs = settings.paths.docs
    deadline = time.monotonic() + 30
    while not ((docs / sound.pdf_path).exists() and (docs / damaged.pdf_path).exists()):
        assert time.monotonic() < deadline, "the preview's worker did not bring the PDFs up to date"
        time.sleep(0.05)
    assert printed == ["pdf/damaged.pdf"]
    assert (docs / damaged.pdf_path).read_bytes() == b"printed again"
    assert (docs / sound.pdf_path).read_bytes() == PDF.replace(b"Catalog", b"Katalog")


@pytest.mark.e2e
def test_a_build_reprints_damaged_entries_and_never_copies_them_into_the_site(built: Path, tmp_path: Path) -> None:
    from hub import pipeline

    project = copy_project(tmp_path / "project")
    shutil.copytree(built / ".cache", project / ".cache")
    settings = Settings.load(project, epoch=int(EPOCH), site_url=SITE_URL)  # as the shared build
    _, rendered = pipeline.read_and_render(settings, keep=False)
    cache = PdfCache(settings.paths.pdf_cache, print_inputs_hash(project))
    jobs = {job.pdf_path: job for job in rendered.print_jobs}
    chosen = {
        "zeros in the middle": "pdf/cards-scenarios.pdf",
        "truncated": "pdf/poster-principles-underpinning-practice-names-a4.pdf",
        "no .sha256": "pdf/exercise-1-defining-the-approach-facilitator.pdf",
    }
    for damage, pdf in chosen.items():
        entry = cache.folder / f"{cache.key(jobs[pdf].html)}.pdf"
        assert entry.read_bytes() == (built / "site" / pdf).read_bytes()
        DAMAGE[damage](entry)

    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    printed, unchanged = map(int, re.match(r"Built site/: (\d+) PDFs printed, (\d+) unchanged", result.stdout).groups())
    assert (printed, unchanged) == (3, len(jobs) - 3)
    for pdf in chosen.values():
        assert (project / "site" / pdf).read_bytes() == (built / "site" / pdf).read_bytes(), pdf
        entry = cache.folder / f"{cache.key(jobs[pdf].html)}.pdf"
        stored = entry.with_suffix(".sha256").read_text(encoding="ascii").split()[0]  # then its pages
        assert hashlib.sha256(entry.read_bytes()).hexdigest() == stored, pdf
