"""Build the MkDocs site into a temporary folder and swap it into place on success.

MkDocs empties its output folder before it fails, so it never writes to
``site/`` directly: the previous site stays exactly as it was until a new one
has been built completely.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
from pathlib import Path

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


def build_site(project: Path, site_dir: Path) -> None:
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
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "\n".join(f"  {message}" for message in collector.messages)
        raise SiteError(f"MkDocs: {error}\n{details}".rstrip()) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(collector)
    swap_into_place(staging, site_dir, work)


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
