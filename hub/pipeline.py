"""The whole build, top to bottom: read, render, generate, write.

Nothing is written until all content has loaded and validated.  Generated
pages and PDFs go to git-ignored folders of ``docs/``; the site is built into a
temporary folder and swapped into ``site/`` only when everything succeeded.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from hub.content import Library, load_library
from hub.pdf import copy_if_changed
from hub.printpool import PrintSummary
from hub.problems import ContentError, Problem
from hub.qr import remembered_in
from hub.render import A4, GENERATED_FOLDERS, Paper, Rendered, render_library

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    pages_changed: int
    pdfs_rendered: int
    pdfs_cached: int
    site_skipped: bool


def _ignore_tags(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", _ignore_tags)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tags)


def read_site_config(project: Path) -> dict:
    with open(project / "mkdocs.yml", encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_ConfigLoader) or {}


def check_site_config(config: dict, library: Library) -> list[Problem]:
    """The tags MkDocs allows must be exactly the theme labels in content/themes.yml."""
    allowed: list[str] | None = None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "tags" in plugin:
            allowed = (plugin["tags"] or {}).get("tags_allowed")
    labels = [theme.label for theme in library.themes.values()]
    if allowed is None:
        return [
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                "is missing; list the theme labels of content/themes.yml",
            )
        ]
    missing = [label for label in labels if label not in allowed]
    extra = [label for label in allowed if label not in labels]
    problems = []
    if missing:
        problems.append(
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                f"lacks theme labels from content/themes.yml: {', '.join(missing)}",
            )
        )
    if extra:
        problems.append(
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                f"lists tags that are not in content/themes.yml: {', '.join(extra)}",
            )
        )
    return problems


def build_date() -> datetime:
    """From SOURCE_DATE_EPOCH, else the last commit, else now.

    SOURCE_DATE_EPOCH is then set to it for this process and the PDF workers it starts: fontTools
    stamps every subset font with that date, or else with the current time, which would make
    PDFs of the same HTML differ from one second to the next.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        try:
            epoch = (
                subprocess.run(
                    ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
                ).stdout.strip()
                or None
            )
        except (OSError, subprocess.CalledProcessError):
            epoch = None
    date = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(date.timestamp()))
    return date


def read_and_render(project: Path, paper: Paper = A4) -> tuple[Library, Rendered]:
    """Stages one and two: load and validate everything, then render it in memory."""
    library = load_library(project)
    config = read_site_config(project)
    problems = check_site_config(config, library)
    if problems:
        raise ContentError(problems)
    with remembered_in(project / ".cache" / "qr-codes.json"):
        rendered = render_library(
            library,
            project / "templates",
            build_date(),
            config.get("site_url") or "",
            paper,
            compiled_templates=project / ".cache" / "templates",
        )
    return library, rendered


def build(
    project: Path,
    progress: Progress | None = None,
    with_site: bool = True,
    paper: Paper = A4,
    pdf_workers: int | None = None,
) -> BuildReport:
    """The whole build; ``pdf_workers=0`` leaves PDFs unprinted (for measuring the site alone)."""
    from hub.output import create_placeholders, sync_generated
    from hub.printpool import print_all
    from hub.site import build_site, check_coverage, restore_interrupted_swap, site_inputs_hash

    restore_interrupted_swap(project / "site", project / ".build")
    report = progress or (lambda stage, done, total: None)
    report("Reading content", 0, 1)
    library, rendered = read_and_render(project, paper)
    report("Reading content", 1, 1)
    docs, cache = project / "docs", project / ".cache"
    pdf_targets = {job.pdf_path for job in rendered.print_jobs}
    pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
    changed = sync_generated(docs, GENERATED_FOLDERS, pages, keep=pdf_targets)
    create_placeholders(docs, pdf_targets)  # MkDocs checks links against the files present when it starts.
    if pdf_workers != 0:  # issue 13: the sections and fonts of the packs made in the browser (hub/pack_sections.py)
        from hub.pack_sections import write_browser_pack_assets

        write_browser_pack_assets(
            project, library, paper, lambda done, total: report("Printing pack sections", done, total)
        )

    printing_pdfs = pdf_workers != 0
    printing = BackgroundPrinting(
        lambda: print_all(
            project,
            rendered.print_jobs if printing_pdfs else [],
            docs,
            cache / "pdf",
            lambda done, total: report("Printing PDFs", done, total),
            workers=pdf_workers,
        )
    )
    stamp_file = cache / "site-stamp"
    stamp = site_inputs_hash(project, rendered.print_jobs)
    site_current = (project / "site").is_dir() and stamp_file.exists() and stamp_file.read_text() == stamp
    if not with_site or site_current:
        summary = printing.result()
    else:
        report("Building the site", 0, 1)

        def finish_pdfs(staging: Path) -> None:
            printing.result()
            for target in sorted(pdf_targets):
                copy_if_changed(docs / target, staging / target)
            check_coverage(staging, library, rendered, with_pdfs=printing_pdfs)

        stamp_file.unlink(missing_ok=True)  # a build killed after its swap must not look current to the next
        try:
            build_site(project, project / "site", before_swap=finish_pdfs)
        finally:
            printing.join()
        summary = printing.result()
        if printing_pdfs:  # a site built without its PDFs must not pass for current
            stamp_file.write_text(stamp)
        report("Building the site", 1, 1)
    return BuildReport(len(changed), summary.printed, summary.cached, site_current or not with_site)


class BackgroundPrinting(threading.Thread):
    """Runs the PDF printing beside the site build; ``result()`` waits and re-raises its error."""

    def __init__(self, work: Callable[[], PrintSummary]) -> None:
        super().__init__(daemon=True, name="printing")
        self._work = work
        self._summary: PrintSummary | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._summary = self._work()
        except BaseException as error:  # handed to the main thread by result()
            self._error = error

    def result(self) -> PrintSummary:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._summary is not None
        return self._summary
