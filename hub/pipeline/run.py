"""The whole build, top to bottom: read, derive, render, then write.

Nothing is written until all content has loaded and validated and every
output has been rendered in memory.  Generated pages and PDFs go to
git-ignored folders of ``docs/``; the site is built into a staging folder and
swapped into ``site/`` only when everything succeeded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hub.atomic import copy_if_changed, replace_file
from hub.content.library import Library
from hub.content.load import load_library
from hub.model import Model
from hub.pipeline.background import BackgroundPrinting
from hub.pipeline.browser_pack import write_browser_pack_assets
from hub.pipeline.generated import create_placeholders, sync_generated
from hub.pipeline.lock import clear_leftovers, project_lock
from hub.pipeline.stamp import site_inputs_hash
from hub.printing.cache import PdfCache, print_inputs_hash
from hub.printing.pool import PrintSummary, print_all
from hub.printing.printer import Printer
from hub.problems import ContentError
from hub.render import Renderer
from hub.render.outputs import GENERATED_FOLDERS, Output, Rendered
from hub.render.qr import remembered_in
from hub.settings import Settings
from hub.site.config import check_site_config
from hub.site.coverage import check_coverage
from hub.site.engines import ENGINES
from hub.site.links import check_site
from hub.site.publish import build_site
from hub.site.swap import restore_interrupted_swap

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    pages_changed: int
    pdfs_rendered: int
    pdfs_cached: int
    site_skipped: bool


def read(settings: Settings) -> Model:
    """Stages one and two: load and validate everything, then derive what the outputs show."""
    library = load_library(settings.paths.project)
    problems = check_site_config(settings.site_config, library)
    if problems:
        raise ContentError(problems)
    return Model.of(library)


def read_and_render(settings: Settings, *, keep: bool = True) -> tuple[Library, Rendered]:
    """Stages one to three, in memory: every page and every PDF's HTML.

    With ``keep`` (a build, the preview), compiled templates and QR codes are kept in ``.cache/`` for the
    next run; without it (``check``) nothing at all is written, though what earlier builds kept is used.
    """
    library, rendered, _ = _read_and_render(settings, keep=keep)
    return library, rendered


def _read_and_render(settings: Settings, *, keep: bool = True) -> tuple[Library, Rendered, Renderer]:
    model = read(settings)
    with remembered_in(settings.paths.qr_codes, save=keep):
        renderer = Renderer(model, settings, keep_compiled=keep)
        rendered = renderer.render_all()
    _learn_pdf_facts(settings, renderer, rendered)
    return model.library, rendered, renderer


def _learn_pdf_facts(settings: Settings, renderer: Renderer, rendered: Rendered) -> bool:
    """Tell the renderer the size and pages of every PDF the cache knows, and render the late pages again with
    them; True if every PDF was known."""
    cache = PdfCache(settings.paths.pdf_cache, print_inputs_hash(settings.paths.project))
    for job in rendered.print_jobs:
        if job.pdf_path not in renderer.pdf_facts and (facts := cache.facts(job.html)) is not None:
            renderer.pdf_facts[job.pdf_path] = facts
    rendered.pages.update(renderer.render_late())
    return all(job.pdf_path in renderer.pdf_facts for job in rendered.print_jobs)


def print_one(settings: Settings, model: Model, output: Output, target: Path) -> None:
    """Render one output made to order (a pack, a filled star) and print it to ``target``."""
    html = Renderer(model, settings, keep_compiled=False).render(output)
    with tempfile.TemporaryDirectory() as cache:  # a PDF made to order is not kept
        Printer(settings.paths.project, Path(cache)).print_pdf(html, target.resolve(), output.label)


def build(
    settings: Settings,
    progress: Progress | None = None,
    with_site: bool = True,
    pdf_workers: int | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> BuildReport:
    """The whole build, holding the project's lock; ``on_wait`` hears once if another build makes it wait.

    ``pdf_workers=0`` leaves PDFs unprinted (for measuring the site alone).
    """
    with project_lock(settings.paths, on_wait):
        clear_leftovers(settings.paths)
        restore_interrupted_swap(settings.paths.site, settings.paths.work)
        return _build(settings, progress, with_site, pdf_workers)


def _build(settings: Settings, progress: Progress | None, with_site: bool, pdf_workers: int | None) -> BuildReport:
    paths = settings.paths
    report = progress or (lambda stage, done, total: None)
    report("Reading content", 0, 1)
    library, rendered, renderer = _read_and_render(settings)
    report("Reading content", 1, 1)
    printing_pdfs = pdf_workers != 0

    def print_pdfs() -> PrintSummary:
        jobs = rendered.print_jobs if printing_pdfs else []
        progress = lambda done, total: report("Printing PDFs", done, total)  # noqa: E731
        return print_all(paths.project, jobs, paths.docs, paths.pdf_cache, progress, pdf_workers, settings.epoch)

    printed_first = None
    if printing_pdfs and not _learn_pdf_facts(settings, renderer, rendered):
        # The downloads page shows every PDF's size and pages, so new PDFs are printed before the site is built.
        printed_first = print_pdfs()
        _learn_pdf_facts(settings, renderer, rendered)
    pdf_targets = {job.pdf_path for job in rendered.print_jobs}
    pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
    changed = sync_generated(paths.docs, GENERATED_FOLDERS, pages, keep=pdf_targets)
    create_placeholders(paths.docs, pdf_targets)  # MkDocs checks links against the files present when it starts.
    if printing_pdfs:  # the sections and fonts of the packs the planner makes in the browser
        progress = lambda done, total: report("Printing pack sections", done, total)  # noqa: E731
        write_browser_pack_assets(settings, renderer.model, progress)

    printing = BackgroundPrinting(print_pdfs)
    engine = ENGINES[settings.engine]
    stamp = site_inputs_hash(paths.project, rendered.print_jobs, engine, settings.site_url)
    stamp_file = paths.site_stamp
    site_current = paths.site.is_dir() and stamp_file.exists() and stamp_file.read_text() == stamp
    if not with_site or site_current:
        summary = printing.result()
    else:
        report("Building the site", 0, 1)

        def finish_pdfs(staging: Path) -> None:
            printing.result()
            for target in sorted(pdf_targets):
                copy_if_changed(paths.docs / target, staging / target)
            check_coverage(staging, library, rendered, engine, with_pdfs=printing_pdfs)
            check_site(staging, paths.docs, settings.site_config)

        stamp_file.unlink(missing_ok=True)  # a build killed after its swap must not look current to the next
        try:
            site_url = settings.site_url if settings.site_url != "/" else None
            build_site(engine, paths.site_config, paths.site, paths.work, finish_pdfs, site_url)
        finally:
            printing.join()
        summary = printing.result()
        if printing_pdfs:  # a site built without its PDFs must not pass for current
            replace_file(stamp_file, stamp.encode())
        report("Building the site", 1, 1)
    if printed_first is not None:  # the second round only copied what the first printed
        summary = printed_first
    return BuildReport(len(changed), summary.printed, summary.cached, site_current or not with_site)
