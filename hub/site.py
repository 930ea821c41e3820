"""Build the MkDocs site into a temporary folder and swap it into place on success.

MkDocs empties its output folder before it fails, so it never writes to
``site/`` directly: the previous site stays exactly as it was until a new one
has been built completely and :func:`check_coverage` has found every item in
it (its page, its search entry and its PDFs) and nothing left over.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hub.content import Library
    from hub.render import Rendered

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

RENAME_EXCHANGE = 2


class SiteError(Exception):
    """The site did not build; the message lists MkDocs's warnings."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_inputs_hash(project: Path, print_jobs: list) -> str:
    """A hash of everything the site is built from, to skip a build that would change nothing."""
    from importlib import metadata

    from hub.pdf import cache_key, print_inputs_hash

    digest = hashlib.sha256()
    for package in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown"):
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    digest.update((project / "mkdocs.yml").read_bytes())
    pdfs = {job.pdf_path for job in print_jobs}
    docs = project / "docs"
    for file in sorted(docs.rglob("*")):
        name = file.relative_to(docs).as_posix()
        if file.is_file() and name not in pdfs and not file.name.startswith("."):  # MkDocs skips dotfiles too
            digest.update(name.encode() + b"\0" + file.read_bytes())
    inputs = print_inputs_hash(project)
    for job in sorted(print_jobs, key=lambda job: job.pdf_path):
        digest.update(f"{job.pdf_path} {cache_key(inputs, job.html)}\n".encode())
    return digest.hexdigest()


def build_site(project: Path, site_dir: Path, before_swap: Callable[[Path], None] | None = None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    work = project / ".build"
    work.mkdir(exist_ok=True)
    restore_interrupted_swap(site_dir, work)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(staging))
        build(config)
        if before_swap is not None:
            before_swap(staging)
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "\n".join(f"  {message}" for message in collector.messages)
        raise SiteError(f"MkDocs: {error}\n{details}".rstrip()) from None
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        if not _out_of_room(error):
            raise
        raise SiteError(_could_not_write(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(collector)
    swap_into_place(staging, site_dir, work)


def _out_of_room(error: OSError) -> bool:
    """A write that failed for want of space or permission, rather than a fault in the build."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO)


def _could_not_write(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"could not write the new site: {error.strerror or error}{where}"


def check_coverage(staging: Path, library: Library, rendered: Rendered, with_pdfs: bool = True) -> None:
    """Raise SiteError unless the site in ``staging`` has every item's page, search entry and PDFs,
    every PDF is a whole PDF, and no page or PDF is left over from an item that is gone.
    Without PDFs (a build that measures the site alone) their presence is not checked."""
    from hub.render import GENERATED_FOLDERS

    missing: list[str] = []
    index_file = staging / "search/search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8")) if index_file.is_file() else {"docs": []}
    searchable = {doc["location"].split("#")[0] for doc in index["docs"]}
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


def restore_interrupted_swap(site_dir: Path, work: Path) -> None:
    """If a build was killed between the two renames of a fallback swap, put the old site back."""
    previous = work / "site-previous"
    if previous.exists() and not site_dir.exists():
        previous.rename(site_dir)
    elif previous.exists():
        shutil.rmtree(previous)
    for stale in work.glob("site-*"):
        shutil.rmtree(stale, ignore_errors=True)


def swap_into_place(staging: Path, site_dir: Path, work: Path) -> None:
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    if _exchange(staging, site_dir):
        shutil.rmtree(staging)
        return
    previous = work / "site-previous"
    site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), RENAME_EXCHANGE)
    return result == 0
