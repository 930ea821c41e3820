"""The site engine, behind one small adapter: MkDocs with Material builds ``docs/`` into a folder.

MkDocs empties its output folder before it fails, so it is only ever given a
staging folder; :func:`publish` swaps the finished site into ``site/``, after a
last check, so the previous site stays exactly as it was until then.
"""

from __future__ import annotations

import errno
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hub.site.swap import restore_interrupted_swap, swap_into_place

ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown")  # what a built site depends on


class SiteError(Exception):
    """The site did not build; the message lists the engine's warnings."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_with_mkdocs(config_file: Path, staging: Path) -> None:
    """The adapter: MkDocs builds the site described by ``config_file`` into ``staging``, strictly."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        build(load_config(config_file=str(config_file), site_dir=str(staging)))
    except (Abort, ConfigurationError) as error:
        details = "\n".join(f"  {message}" for message in collector.messages)
        raise SiteError(f"MkDocs: {error}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collector)


def build_site(
    config_file: Path, site_dir: Path, work: Path, before_swap: Callable[[Path], None] | None = None
) -> None:
    """Build into a staging folder under ``work``, run ``before_swap`` on it, then swap it into ``site_dir``."""
    work.mkdir(exist_ok=True)
    restore_interrupted_swap(site_dir, work)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    try:
        build_with_mkdocs(config_file, staging)
        if before_swap is not None:
            before_swap(staging)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        if not _out_of_room(error):
            raise
        raise SiteError(_could_not_write(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, site_dir, work)


def _out_of_room(error: OSError) -> bool:
    """A write that failed for want of space or permission, rather than a fault in the build."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO)


def _could_not_write(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"could not write the new site: {error.strerror or error}{where}"


