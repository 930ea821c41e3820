"""Live preview: MkDocs's dev server, with pages regenerated when content or templates change.

Saving a YAML file or a template re-renders the pages (only changed files are
written, so MkDocs rebuilds and the browser reloads); PDFs follow in a
low-priority worker process, so they never hold up the page.
"""

from __future__ import annotations

import logging
import sys
import threading

from hub import pipeline
from hub.pipeline.generated import create_placeholders, sync_generated
from hub.problems import ContentError
from hub.render.outputs import GENERATED_FOLDERS, PrintJob
from hub.settings import Settings

log = logging.getLogger("mkdocs.hub")


class PdfWorker(threading.Thread):
    """Prints the latest set of PDFs in a low-priority process; a newer set replaces an older one mid-way."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(daemon=True, name="pdf-worker")
        self.settings = settings
        self.project = settings.paths.project
        self._jobs: list[PrintJob] | None = None
        self._wake = threading.Condition()

    def submit(self, jobs: list[PrintJob]) -> None:
        with self._wake:
            self._jobs = jobs
            self._wake.notify()

    def run(self) -> None:
        from hub.printing.cache import PdfCache, print_inputs_hash
        from hub.printing.pool import background_printer, print_later
        from hub.printing.printer import PdfError

        cache_dir, docs = self.settings.paths.pdf_cache, self.settings.paths.docs
        with background_printer(self.project, cache_dir, self.settings.epoch) as pool:
            while True:
                with self._wake:
                    while self._jobs is None:
                        self._wake.wait()
                    jobs, self._jobs = self._jobs, None
                cache, printed = PdfCache(cache_dir, print_inputs_hash(self.project)), 0
                for job in jobs:
                    if self._jobs is not None:
                        break
                    if cache.copy_to(job.html, docs / job.pdf_path):
                        continue
                    try:
                        print_later(pool, job, docs).result()
                        printed += 1
                    except PdfError as error:
                        print(f"PDF failed: {error}", file=sys.stderr)
                if printed:
                    print(f"Printed {printed} PDF{'s' if printed != 1 else ''}.", file=sys.stderr)


def regenerate(settings: Settings, worker: PdfWorker) -> bool:
    try:
        _, rendered = pipeline.read_and_render(settings)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("Pages not updated until these are fixed.", file=sys.stderr)
        return False
    pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
    keep = {job.pdf_path for job in rendered.print_jobs}
    changed = sync_generated(settings.paths.docs, GENERATED_FOLDERS, pages, keep)
    create_placeholders(settings.paths.docs, keep)
    if changed:
        print(f"Regenerated {len(changed)} page{'s' if len(changed) != 1 else ''}.", file=sys.stderr)
    worker.submit(rendered.print_jobs)
    return True


def _watch(settings: Settings, worker: PdfWorker, stop: threading.Event) -> None:
    from watchfiles import watch

    folders = [settings.paths.content, settings.paths.templates]
    for _ in watch(*folders, stop_event=stop, debounce=200, step=50):
        regenerate(settings, worker)


def serve(settings: Settings, host: str, port: int) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    worker = PdfWorker(settings)
    worker.start()
    if not regenerate(settings, worker):
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(settings, worker, stop), daemon=True, name="watcher")
    watcher.start()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        # "dirty" rebuilds only the pages whose files changed, so a saved YAML file shows within
        # seconds; MkDocs warns about it, so the preview is not strict (`build` always is).
        mkdocs_serve(
            config_file=str(settings.paths.site_config),
            livereload=True,
            build_type="dirty",
            dev_addr=f"{host}:{port}",
            strict=False,
        )
    finally:
        stop.set()
    return 0
