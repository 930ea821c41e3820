"""Live preview: MkDocs's dev server, with pages regenerated when content or templates change.

Saving a YAML file or a template re-renders the pages (only changed files are
written, so MkDocs rebuilds and the browser reloads); PDFs follow in a
low-priority worker process, so they never hold up the page.
"""

from __future__ import annotations

import errno
import logging
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from hub import pipeline
from hub.cli.arguments import check_can_listen, listen_problem
from hub.cli.say import complain
from hub.pipeline.generated import create_placeholders, sync_generated
from hub.pipeline.lock import ProjectBusy, clear_leftovers, project_lock
from hub.problems import ContentError, UsageError, printable
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
                    # Without the project's lock, which would keep a build (and the pages) waiting for every
                    # PDF: a build running meanwhile may prune the cache, so a vanished file is a miss.
                    try:
                        if cache.copy_to(job.html, docs / job.pdf_path):  # only an entry whose hash matches
                            continue
                        print_later(pool, job, docs).result()
                        printed += 1
                    except PdfError as error:
                        complain(f"PDF failed: {error}")
                    except OSError as error:
                        complain(f"PDF failed: {job.label}: {error.filename or 'a file'}: {error.strerror or error}")
                if printed:
                    complain(f"Printed {printed} PDF{'s' if printed != 1 else ''}.")


def regenerate(settings: Settings, worker: PdfWorker) -> bool:
    """Bring the generated pages up to date, holding the project's lock (a build may be writing too)."""
    try:
        with project_lock(settings.paths, on_wait=complain):
            clear_leftovers(settings.paths)
            _, rendered = pipeline.read_and_render(settings)
            pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
            keep = {job.pdf_path for job in rendered.print_jobs}
            changed = sync_generated(settings.paths.docs, GENERATED_FOLDERS, pages, keep)
            create_placeholders(settings.paths.docs, keep)
    except ContentError as error:
        complain(*error.problems, "Pages not updated until these are fixed.")
        return False
    except ProjectBusy as error:
        complain(str(error), "Pages not updated.")
        return False
    except OSError as error:
        complain(f"Could not update the pages: {error.filename or 'a file'}: {error.strerror or error}")
        return False
    if changed:
        complain(f"Regenerated {len(changed)} page{'s' if len(changed) != 1 else ''}.")
    worker.submit(rendered.print_jobs)
    return True


def _watch(settings: Settings, worker: PdfWorker, stop: threading.Event) -> None:
    from watchfiles import watch

    folders = [settings.paths.content, settings.paths.templates]
    for _ in watch(*folders, stop_event=stop, debounce=200, step=50):
        regenerate(settings, worker)


class _PrintableFormatter(logging.Formatter):
    """MkDocs's log lines, with control characters escaped: they quote request lines and file names."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), keep_newlines=True)


def _has_control_character(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in text)


@contextmanager
def _bad_addresses_refused() -> Iterator[None]:
    """MkDocs's preview server, answering 400 to an address with a control character in it (``/a%00b``).

    MkDocs passes the decoded path to ``open()``, which cannot take a NUL: the request ended in a 500
    and a traceback on the terminal.  The server class is swapped for one that refuses such paths first.
    """
    import mkdocs.commands.serve as mkdocs_serve_module

    server_class = mkdocs_serve_module.LiveReloadServer

    class RefusingServer(server_class):  # type: ignore[misc, valid-type]
        def serve_request(self, environ: dict, start_response) -> Iterable[bytes]:
            if _has_control_character(environ.get("PATH_INFO", "")):
                start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
                return [b"400 Bad Request: the address holds a control character.\n"]
            return super().serve_request(environ, start_response)

    mkdocs_serve_module.LiveReloadServer = RefusingServer
    try:
        yield
    finally:
        mkdocs_serve_module.LiveReloadServer = server_class


def serve(settings: Settings, host: str, port: int) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    check_can_listen(host, port)
    worker = PdfWorker(settings)
    worker.start()
    if not regenerate(settings, worker):
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(settings, worker, stop), daemon=True, name="watcher")
    watcher.start()
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)-7s -  %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    try:
        # Each change rebuilds the whole site (a few seconds). A "dirty" rebuild of the changed pages alone
        # fails when the hub writes a page while MkDocs builds (the downloads page, written once the PDFs are
        # printed): MkDocs reads the page before the write and renders it after. The preview is not strict
        # (`build` always is), so that a problem shows on the page instead of stopping the preview.
        with _bad_addresses_refused():
            mkdocs_serve(
                config_file=str(settings.paths.site_config),
                livereload=True,
                build_type=None,
                dev_addr=f"{host}:{port}",
                strict=False,
            )
    except OSError as error:
        if error.errno not in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise
        # the port was taken between the check and the end of MkDocs's first build
        raise UsageError("--port", listen_problem(host, port, error)) from None
    finally:
        stop.set()
    return 0
