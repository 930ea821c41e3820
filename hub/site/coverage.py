"""The check before a new site goes live: every item has its page, search entry and PDFs, and nothing is left over."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hub.content.library import Library
from hub.render.outputs import GENERATED_FOLDERS, Rendered
from hub.site.engines import Engine, SiteError
from hub.site.pagefind import indexed_pages


def check_coverage(
    staging: Path, library: Library, rendered: Rendered, engine: Engine, with_pdfs: bool = True
) -> None:
    """Raise SiteError unless the site in ``staging`` has every item's page, search entry and PDFs,
    every PDF is a whole PDF, and no page or PDF is left over from an item that is gone.
    Without PDFs (a build that measures the site alone) their presence is not checked."""
    missing: list[str] = []
    searchable = indexed_pages(staging)  # Pagefind's index, the same whatever engine built the site
    for entry in sorted(library.entries.values(), key=lambda entry: entry.path):
        page = staging / entry.url / "index.html"
        if not page.is_file():
            missing.append(f"{entry.path}: no page at {entry.url}")
            continue
        if entry.url not in searchable:
            missing.append(f"{entry.path}: no search entry for {entry.url}")
        links = _pdf_links(page.read_text(encoding="utf-8"))
        if not with_pdfs:
            continue
        if not links:
            missing.append(f"{entry.path}: its page links to no PDF")
        for href in links:
            if not (page.parent / href).is_file():
                missing.append(f"{entry.path}: its page links to {href}, which is missing")
    for job in rendered.print_jobs if with_pdfs else []:
        if not _is_whole_pdf(staging / job.pdf_path):
            missing.append(f"{job.label}: {job.pdf_path} is missing or not a whole PDF")
    wanted = {_page_path(name) for name in rendered.pages} | {job.pdf_path for job in rendered.print_jobs}
    for folder in GENERATED_FOLDERS:
        for path in sorted((staging / folder).rglob("*")):
            name = path.relative_to(staging).as_posix()
            if (path.name == "index.html" or path.suffix == ".pdf") and name not in wanted:
                missing.append(f"{name} is left over from an item that no longer exists")
    if missing:
        details = "\n".join(f"  {line}" for line in missing)
        raise SiteError(f"the new site is incomplete:\n{details}")


def _pdf_links(html: str) -> list[str]:
    return [href for href in re.findall(r'href="([^"#?]+\.pdf)"', html) if "://" not in href]


def _is_whole_pdf(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size < 64:
        return False
    with open(path, "rb") as pdf:
        start = pdf.read(5)
        pdf.seek(-32, os.SEEK_END)
        end = pdf.read()
    return start == b"%PDF-" and b"%%EOF" in end


def _page_path(markdown_name: str) -> str:
    """``scenarios/sandra.md`` → ``scenarios/sandra/index.html`` (the site uses directory URLs)."""
    stem = markdown_name.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


