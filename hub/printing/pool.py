"""Print many PDFs on all cores: cached ones are copied, the rest go to long-lived worker processes.

Each worker keeps its fonts and stylesheet for many PDFs and is replaced after
``TASKS_PER_WORKER`` of them, which bounds the memory WeasyPrint slowly gathers
(measured: about 1 MB more per 40 PDFs, on top of 120 MB).  The biggest
documents go first, so that no long pack is left running alone at the end.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from hub.printing.cache import PdfCache, print_inputs_hash
from hub.printing.printer import Printer
from hub.render.outputs import PrintJob

TASKS_PER_WORKER = 250

_printer: Printer | None = None


def _start_worker(project: Path, cache_dir: Path, epoch: int | None, niceness: int = 0) -> None:
    """A worker process's entry point: fontTools dates subset fonts from SOURCE_DATE_EPOCH, so it is set here."""
    global _printer
    if epoch is not None:  # the forkserver may have started before the entry point set it
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    if niceness:
        os.nice(niceness)
    _printer = Printer(project, cache_dir)


def background_printer(project: Path, cache_dir: Path, epoch: int | None) -> ProcessPoolExecutor:
    """One worker process at low priority, for PDFs that must not slow the live preview's pages.

    A thread would share the preview's interpreter lock with MkDocs; a separate, nicer process does not.
    """
    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(project, cache_dir, epoch, 10),
    )


def print_later(pool: ProcessPoolExecutor, job: PrintJob, docs: Path) -> Future[str]:
    return pool.submit(_print_in_worker, job.html, docs / job.pdf_path, job.label)


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["hub.printing.printer", "weasyprint"])
    return context


def _print_in_worker(html: str, target: Path, label: str) -> str:
    assert _printer is not None
    _printer.print_pdf(html, target, label)
    return str(target)


@dataclass(frozen=True)
class PrintSummary:
    printed: int
    cached: int
    workers: int


# Starting the worker processes (a fork server that loads WeasyPrint, then a printer in each) costs about as much
# processor time as printing four short PDFs and gains no time on so few, so up to this many print in this process.
IN_PROCESS_AT_MOST = 5


def worker_count(jobs: int) -> int:
    if jobs <= IN_PROCESS_AT_MOST:
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(available, jobs))


def print_all(
    project: Path,
    jobs: list[PrintJob],
    docs: Path,
    cache_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    epoch: int | None = None,
) -> PrintSummary:
    """Bring every job's PDF under ``docs`` up to date; raise PdfError for the first that fails."""
    report = progress or (lambda done, total: None)
    cache = PdfCache(cache_dir, print_inputs_hash(project))
    to_print: list[PrintJob] = []
    used_keys = set()
    for job in jobs:
        used_keys.add(cache.key(job.html))
        if not cache.copy_to(job.html, docs / job.pdf_path):
            to_print.append(job)
    done = len(jobs) - len(to_print)
    report(done, len(jobs))
    count = workers or worker_count(len(to_print))
    to_print.sort(key=lambda job: len(job.html), reverse=True)  # the length of its HTML stands in for its cost
    for _ in _print(project, to_print, docs, cache_dir, count, epoch):
        done += 1
        report(done, len(jobs))
    cache.prune(used_keys)
    return PrintSummary(len(to_print), len(jobs) - len(to_print), count if to_print else 0)


def _print(
    project: Path, jobs: list[PrintJob], docs: Path, cache_dir: Path, workers: int, epoch: int | None
) -> Iterator[str]:
    if not jobs:
        return
    if workers == 1 or len(jobs) == 1:
        printer = Printer(project, cache_dir)
        for job in jobs:
            yield printer.print_pdf(job.html, docs / job.pdf_path, job.label).path
        return
    context = _context()
    # Fresh workers for each round bound their memory.  (Python 3.11's max_tasks_per_child
    # can deadlock when workers retire, so rounds are used instead.)
    round_size = workers * TASKS_PER_WORKER
    for first in range(0, len(jobs), round_size):
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(project, cache_dir, epoch),
        ) as pool:
            pending: set[Future[str]] = {
                pool.submit(_print_in_worker, job.html, docs / job.pdf_path, job.label)
                for job in jobs[first : first + round_size]
            }
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    error = future.exception()
                    if error is not None:
                        for other in pending:
                            other.cancel()
                        raise error
                    yield future.result()
