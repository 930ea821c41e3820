"""A new site, published in one step: built into a staging folder, checked, then swapped into ``site/``.

The previous site stays exactly as it was until the new one is complete.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hub.site.engines import Engine, SiteError
from hub.site.pagefind import index_site
from hub.site.swap import restore_interrupted_swap, swap_into_place

def build_site(
    engine: Engine,
    config_file: Path,
    site_dir: Path,
    work: Path,
    before_swap: Callable[[Path], None] | None = None,
    site_url: str | None = None,
) -> None:
    """``engine`` builds into a staging folder under ``work`` and Pagefind indexes it; ``before_swap`` checks it;
    it replaces ``site_dir``.

    ``site_url``, if given, is the site's address in place of the one in ``config_file``."""
    work.mkdir(exist_ok=True)
    restore_interrupted_swap(site_dir, work)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    try:
        engine.build(config_file, staging, site_url)
        index_site(staging)
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


