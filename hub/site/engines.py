"""The site engines, behind one small adapter: each builds ``docs/`` into a folder, strictly, and says where its
search index is.

- **MkDocs** 1.6 with Material, the default.
- **ProperDocs** 1.6, a drop-in continuation of MkDocs 1.x that runs Material unchanged; its output differs
  from MkDocs's only in the generator tag.
- **Zensical** 0.0.x, built in a separate environment (``.venv-zensical``, made by ``make``); it reads
  ``mkdocs.yml`` but writes its own search index and checks fewer links, so :mod:`hub.site.links` checks
  every site whatever built it.

Every engine empties its output folder before it fails, so each is only ever given a staging folder.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MATERIAL = ("mkdocs-material", "pymdown-extensions", "markdown")


class SiteError(Exception):
    """The site did not build; the message lists the engine's warnings."""


@dataclass(frozen=True)
class Engine:
    name: str
    packages: tuple[str, ...]  # what a built site depends on, for the site's stamp
    build: Callable[[Path, Path, str | None], None]  # (config file, staging folder, site address or None)
    search_index: str  # where it writes its search index, in the site
    search_locations: Callable[[dict], list[str]]  # the page addresses in that index


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build_in_process(engine: str, config_file: Path, staging: Path, site_url: str | None) -> None:
    """MkDocs, or ProperDocs in its place: both log warnings, and strict mode turns them into an Abort."""
    if engine == "properdocs":
        loaded = sys.modules.get("mkdocs")
        if loaded is not None and not loaded.__name__.startswith("properdocs"):
            raise SiteError("ProperDocs must be the first site engine a process loads; run it in a new process")
        import properdocs.replacement  # noqa: F401  (mkdocs.* imports, Material's included, now load ProperDocs)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    collector = _Collector()
    loggers = [logging.getLogger(name) for name in ("mkdocs", "properdocs")]
    for logger in loggers:
        logger.addHandler(collector)
    try:
        overrides = {"site_url": site_url} if site_url else {}
        build(load_config(config_file=str(config_file), site_dir=str(staging), **overrides))
    except (Abort, ConfigurationError) as error:
        details = "\n".join(f"  {message}" for message in dict.fromkeys(collector.messages))
        raise SiteError(f"{'MkDocs' if engine == 'mkdocs' else 'ProperDocs'}: {error}\n{details}".rstrip()) from None
    finally:
        for logger in loggers:
            logger.removeHandler(collector)


def _build_with_zensical(config_file: Path, staging: Path, site_url: str | None) -> None:
    """Zensical from its own environment; it only builds inside the project, so staging must be there."""
    project = config_file.parent
    program = project / ".venv-zensical" / "bin" / "zensical"
    if not program.is_file():
        raise SiteError("Zensical is not installed: run `make build ENGINE=zensical`, which installs it")
    config = project / f".zensical-{staging.name}.yml"
    overrides = project / f".zensical-{staging.name}-overrides"
    relative = staging.relative_to(project).as_posix()
    # The theme overrides (custom_dir) are copies of Material's own templates, which name Material's asset
    # files; Zensical's theme has its own. Only the hub's own page template (main.html: Open Graph, JSON-LD,
    # each page's scripts, what search indexes), which extends whatever base.html the theme has, is used.
    custom = re.search(r"^\s*custom_dir:\s*(\S+)\s*$", config_file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    text = re.sub(r"^\s*custom_dir:.*$", "", config_file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    if site_url:  # the deployment's address in place of mkdocs.yml's
        text = re.sub(r"(?m)^site_url:.*$", lambda _: f"site_url: {json.dumps(site_url)}", text)
    if custom is not None and (project / custom.group(1) / "main.html").is_file():
        overrides.mkdir(exist_ok=True)
        shutil.copyfile(project / custom.group(1) / "main.html", overrides / "main.html")
        text = re.sub(r"^theme:\s*$", f"theme:\n  custom_dir: {overrides.name}", text, count=1, flags=re.MULTILINE)
    config.write_text(text + f"\nsite_dir: {relative}\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [str(program), "build", "--strict", "--config-file", config.name],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(overrides, ignore_errors=True)
    if done.returncode != 0:
        details = "\n".join(f"  {line}" for line in (done.stdout + done.stderr).splitlines() if line.strip())
        raise SiteError(f"zensical: the build failed\n{details}".rstrip())


def _lunr_locations(index: dict) -> list[str]:
    return [doc["location"] for doc in index.get("docs", [])]


def _zensical_locations(index: dict) -> list[str]:
    return [item["location"] for item in index.get("items", [])]


ENGINES = {
    "mkdocs": Engine(
        "mkdocs",
        ("mkdocs", *MATERIAL),
        lambda config, staging, site_url: _build_in_process("mkdocs", config, staging, site_url),
        "search/search_index.json",
        _lunr_locations,
    ),
    "properdocs": Engine(
        "properdocs",
        ("properdocs", *MATERIAL),
        lambda config, staging, site_url: _build_in_process("properdocs", config, staging, site_url),
        "search/search_index.json",
        _lunr_locations,
    ),
    "zensical": Engine("zensical", (), _build_with_zensical, "search.json", _zensical_locations),
}
