"""Live preview: MkDocs's dev server, with pages regenerated when content or templates change.

Saving a YAML file or a template re-renders the pages (only changed files are
written, so MkDocs rebuilds and the browser reloads); PDFs follow in a
low-priority worker process, so they never hold up the page.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from hub import pipeline
from hub.output import create_placeholders, sync_generated
from hub.problems import ContentError
from hub.render import GENERATED_FOLDERS, PrintJob

log = logging.getLogger("mkdocs.hub")


class PdfWorker(threading.Thread):
    """Prints the latest set of PDFs in a low-priority process; a newer set replaces an older one mid-way."""

    def __init__(self, project: Path) -> None:
        super().__init__(daemon=True, name="pdf-worker")
        self.project = project
        self._jobs: list[PrintJob] | None = None
        self._wake = threading.Condition()

    def submit(self, jobs: list[PrintJob]) -> None:
        with self._wake:
            self._jobs = jobs
            self._wake.notify()

    def run(self) -> None:
        from hub.pdf import PdfError, print_inputs_hash
        from hub.printpool import background_printer, copy_from_cache, print_later

        cache_dir, docs = self.project / ".cache" / "pdf", self.project / "docs"
        with background_printer(self.project, cache_dir) as pool:
            while True:
                with self._wake:
                    while self._jobs is None:
                        self._wake.wait()
                    jobs, self._jobs = self._jobs, None
                inputs, printed = print_inputs_hash(self.project), 0
                for job in jobs:
                    if self._jobs is not None:
                        break
                    if copy_from_cache(inputs, job, cache_dir, docs):
                        continue
                    try:
                        print_later(pool, job, docs).result()
                        printed += 1
                    except PdfError as error:
                        print(f"PDF failed: {error}", file=sys.stderr)
                if printed:
                    print(f"Printed {printed} PDF{'s' if printed != 1 else ''}.", file=sys.stderr)


def regenerate(project: Path, worker: PdfWorker) -> bool:
    try:
        _, rendered = pipeline.read_and_render(project)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("Pages not updated until these are fixed.", file=sys.stderr)
        return False
    pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
    keep = {job.pdf_path for job in rendered.print_jobs}
    changed = sync_generated(project / "docs", GENERATED_FOLDERS, pages, keep)
    create_placeholders(project / "docs", keep)
    if changed:
        print(f"Regenerated {len(changed)} page{'s' if len(changed) != 1 else ''}.", file=sys.stderr)
    worker.submit(rendered.print_jobs)
    return True


def _watch(project: Path, worker: PdfWorker, stop: threading.Event) -> None:
    from watchfiles import watch

    folders = [project / "content", project / "templates"]
    for _ in watch(*folders, stop_event=stop, debounce=200, step=50):
        regenerate(project, worker)


def serve(project: Path, host: str, port: int) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    import hub.site  # noqa: F401  (sets MkDocs's environment variables before MkDocs is imported)

    worker = PdfWorker(project)
    worker.start()
    if not regenerate(project, worker):
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(project, worker, stop), daemon=True, name="watcher")
    watcher.start()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        # "dirty" rebuilds only the pages whose files changed, so a saved YAML file shows within
        # seconds; MkDocs warns about it, so the preview is not strict (`build` always is).
        mkdocs_serve(
            config_file=str(project / "mkdocs.yml"),
            livereload=True,
            build_type="dirty",
            dev_addr=f"{host}:{port}",
            strict=False,
        )
    finally:
        stop.set()
    return 0
