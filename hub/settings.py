"""What one run is set for, worked out once by the entry point and passed down.

Paper, build date, the site's address and where everything lives.  ``mkdocs.yml``
is read here, once; nothing below the command line reads the environment.
"""

from __future__ import annotations

import ipaddress
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml


@dataclass(frozen=True)
class Paper:
    """What every PDF is set for: A4 or US Letter, and large print (body text 16pt or more) on request."""

    size: str = "a4"
    large_print: bool = False

    @property
    def html_classes(self) -> str:
        return f"paper-{self.size}" + (" large-print" if self.large_print else "")

    @property
    def label(self) -> str:
        """How pages name the paper: ``A4``, ``US Letter``, ``A4, large print``."""
        name = {"a4": "A4", "letter": "US Letter"}[self.size]
        return name + (", large print" if self.large_print else "")


A4 = Paper()


@dataclass(frozen=True)
class Paths:
    """Where the project's sources, generated files and caches are."""

    project: Path

    @property
    def content(self) -> Path:
        return self.project / "content"

    @property
    def templates(self) -> Path:
        return self.project / "templates"

    @property
    def docs(self) -> Path:
        return self.project / "docs"

    @property
    def site(self) -> Path:
        return self.project / "site"

    @property
    def work(self) -> Path:
        """Staging folders for new sites."""
        return self.project / ".build"

    @property
    def cache(self) -> Path:
        return self.project / ".cache"

    @property
    def pdf_cache(self) -> Path:
        return self.cache / "pdf"

    @property
    def compiled_templates(self) -> Path:
        return self.cache / "templates"

    @property
    def qr_codes(self) -> Path:
        return self.cache / "qr-codes.json"

    @property
    def build_lock(self) -> Path:
        """Locked (flock) by whatever writes the project (a build, the preview), so that two never overlap:
        the project folder itself, so taking the lock writes nothing."""
        return self.project

    @property
    def site_stamp(self) -> Path:
        return self.cache / "site-stamp"

    @property
    def site_config(self) -> Path:
        return self.project / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs's own tags (``!ENV``, ``!!python/name``) as nothing."""


def _ignore_tags(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tags)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tags)


def read_site_config(file: Path) -> dict:
    with open(file, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_ConfigLoader) or {}


def normalise_site_url(url: str | None) -> str:
    """``https://host/path`` → ``https://host/path/``; no address at all → ``/``."""
    return (url or "").strip().rstrip("/") + "/"


PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")  # RFC 2606: for documentation
PLACEHOLDER_SUFFIXES = ("invalid", "test", "example", "localhost")  # RFC 2606 and 6761: never a public site


def is_placeholder_url(url: str | None) -> bool:
    """Whether ``url`` is not a public address a reader could visit: none at all, not http(s), an example
    domain (``example.org``, ``*.example.com``, …), a reserved name (``*.invalid``, ``*.test``, ``*.example``,
    ``localhost``) or a loopback or unspecified IP address.  An intranet's address counts as real."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:  # such as an unclosed [ of an IPv6 address
        return True
    if parts.scheme.lower() not in ("http", "https") or not host:
        return True
    if host == "localhost" or any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
        return True
    if host.rsplit(".", 1)[-1] in PLACEHOLDER_SUFFIXES:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def last_commit_time(project: Path) -> int | None:
    """The time of the project's last commit, or None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    text = done.stdout.strip()
    return int(text) if text.isdigit() else None


@dataclass(frozen=True)
class Settings:
    paths: Paths
    paper: Paper
    build_date: datetime
    site_url: str  # where the site is published: from the deployment, else mkdocs.yml's site_url
    site_config: dict = field(repr=False, compare=False)
    engine: str = "mkdocs"  # the site engine: mkdocs, properdocs or zensical (see hub.site.engines)

    @classmethod
    def load(
        cls,
        project: Path,
        *,
        paper: Paper = A4,
        epoch: int | None = None,
        engine: str = "mkdocs",
        site_url: str | None = None,
    ) -> Settings:
        """Settings for the project at ``project``; the build date is ``epoch``, else the last commit, else now;
        the site's address is ``site_url`` (the deployment's), else ``site_url`` in mkdocs.yml."""
        paths = Paths(project)
        config = read_site_config(paths.site_config)
        if epoch is None:
            epoch = last_commit_time(project)
        date = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC).replace(microsecond=0)
        address = normalise_site_url(site_url or config.get("site_url"))
        return cls(paths, paper, date, address, config, engine)

    @property
    def published(self) -> bool:
        """Whether the site has a public address, so that printed pages may point readers at it."""
        return not is_placeholder_url(self.site_url)

    @property
    def epoch(self) -> int:
        return int(self.build_date.timestamp())

    def with_paper(self, paper: Paper) -> Settings:
        return Settings(self.paths, paper, self.build_date, self.site_url, self.site_config, self.engine)
