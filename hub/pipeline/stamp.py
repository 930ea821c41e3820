"""The site's stamp: a hash of everything a site is built from, so that a build that would change nothing is skipped."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from hub.printing.cache import cache_key, print_inputs_hash
from hub.render.outputs import PrintJob
from hub.site.engines import Engine


def site_inputs_hash(project: Path, print_jobs: list[PrintJob], engine: Engine, site_url: str = "") -> str:
    """A hash of everything the site is built from, to skip a build that would change nothing."""
    digest = hashlib.sha256(f"engine {engine.name}\nsite {site_url}\n".encode())
    for package in engine.packages:
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
