"""The PDF process pool: rounds of fresh workers give the same bytes as one process, and report progress."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pytest

from conftest import EPOCH, REPO
from hub.cli.main import settings_for
from hub.pipeline import read_and_render
from hub.printing import pool as printpool
from hub.printing.printer import Printer
from hub.settings import Settings

pytestmark = pytest.mark.e2e  # WeasyPrint in a pool of processes


@pytest.fixture(scope="module")
def jobs() -> list:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        _, rendered = read_and_render(Settings.load(REPO, epoch=int(EPOCH)))
    scenarios = [job for job in rendered.print_jobs if job.pdf_path.startswith("pdf/") and "scenario" in job.label]
    return scenarios[:5]


def test_rounds_of_workers_print_the_same_bytes_as_one_process(
    jobs: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printpool, "TASKS_PER_WORKER", 2)  # two workers, four jobs a round: two rounds
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    progress: list[tuple[int, int]] = []
    pooled = printpool.print_all(
        REPO, jobs, tmp_path / "pooled", tmp_path / "cache-pooled", lambda *done: progress.append(done), workers=2
    )
    alone = printpool.print_all(REPO, jobs, tmp_path / "alone", tmp_path / "cache-alone", workers=1)
    assert (pooled.printed, pooled.workers, alone.printed) == (5, 2, 5)
    assert progress == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    for job in jobs:
        assert (tmp_path / "pooled" / job.pdf_path).read_bytes() == (tmp_path / "alone" / job.pdf_path).read_bytes()
    again = printpool.print_all(REPO, jobs, tmp_path / "pooled", tmp_path / "cache-pooled", workers=2)
    assert (again.printed, again.cached) == (0, 5)


def test_without_source_date_epoch_the_build_date_fixes_the_fonts_dates(
    jobs: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    settings = settings_for(REPO, argparse.Namespace())
    assert os.environ["SOURCE_DATE_EPOCH"] == str(settings.epoch)
    first = Printer(REPO, tmp_path / "first").print_pdf(jobs[0].html, tmp_path / "first.pdf", "first")
    time.sleep(1.1)  # fontTools would otherwise stamp the subset fonts with the current second
    second = Printer(REPO, tmp_path / "second").print_pdf(jobs[0].html, tmp_path / "second.pdf", "second")
    assert Path(first.path).read_bytes() == Path(second.path).read_bytes()
