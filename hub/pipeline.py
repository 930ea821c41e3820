"""The whole build, top to bottom: read, render, generate, write.

Nothing is written until all content has loaded and validated.  Generated
pages and PDFs go to git-ignored folders of ``docs/``; the site is built into a
temporary folder and swapped into ``site/`` only when everything succeeded.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from hub.content import Library, load_library
from hub.problems import ContentError, Problem
from hub.render import GENERATED_FOLDERS, Rendered, render_library

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    pages_changed: int
    pdfs_rendered: int
    pdfs_cached: int


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
    """From SOURCE_DATE_EPOCH, else the last commit, else now."""
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
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def read_and_render(project: Path) -> tuple[Library, Rendered]:
    """Stages one and two: load and validate everything, then render it in memory."""
    library = load_library(project)
    config = read_site_config(project)
    problems = check_site_config(config, library)
    if problems:
        raise ContentError(problems)
    rendered = render_library(library, project / "templates", build_date(), config.get("site_url") or "")
    return library, rendered


def build(project: Path, progress: Progress | None = None, with_site: bool = True) -> BuildReport:
    from hub.output import sync_generated
    from hub.pdf import Printer
    from hub.site import build_site

    report = progress or (lambda stage, done, total: None)
    report("Reading content", 0, 1)
    _, rendered = read_and_render(project)
    docs = project / "docs"
    pdf_targets = {job.pdf_path for job in rendered.print_jobs}
    pages = {name: text.encode("utf-8") for name, text in rendered.pages.items()}
    changed = sync_generated(docs, GENERATED_FOLDERS, pages, keep=pdf_targets)
    printer = Printer(project, project / ".cache" / "pdf")
    rendered_count = cached_count = 0
    total = len(rendered.print_jobs)
    for done, job in enumerate(rendered.print_jobs):
        report("Printing PDFs", done, total)
        result = printer.print_pdf(job.html, docs / job.pdf_path, job.label)
        cached_count += result.from_cache
        rendered_count += not result.from_cache
    report("Printing PDFs", total, total)
    if with_site:
        report("Building the site", 0, 1)
        build_site(project, project / "site")
        report("Building the site", 1, 1)
    return BuildReport(len(changed), rendered_count, cached_count)
