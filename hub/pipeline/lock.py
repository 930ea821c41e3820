"""One writer at a time: a lock on the project, held by a build and by the live preview while it regenerates pages.

Two builds started a few seconds apart used to delete each other's staging
folder and partial files.  Now the second waits, says so once, and goes on when
the first has finished (or gives up after ``WAIT_LIMIT``).  The lock is an
``flock`` on the project folder itself, so taking it writes nothing (a build
that fails on its content leaves the project exactly as it was); the kernel lets
go of it when its holder exits, however it exits, so a killed build never leaves
the project locked.
A build that takes the lock first clears what a killed writer left: partial
files (here) and staging folders (:mod:`hub.site.swap`).  The preview's PDF
worker prints without the lock (it would keep everyone else waiting for every
PDF); its partial files are left alone while it runs, and a cache file a build
prunes from under it counts as a miss.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from hub.atomic import is_stale_partial
from hub.settings import Paths

WAIT_LIMIT = 30 * 60  # seconds; a full build from nothing takes a few minutes
WAITING = "Another build is running in this project; waiting for it to finish…"
_POLL = 0.2


class ProjectBusy(Exception):
    """Another build held the project for longer than the wait allows."""


@contextmanager
def project_lock(
    paths: Paths, on_wait: Callable[[str], None] | None = None, wait_limit: float | None = None
) -> Iterator[None]:
    """Hold the project's lock for the block; ``on_wait`` is told once if another holder makes us wait.

    Raises ProjectBusy after ``wait_limit`` seconds (by default ``WAIT_LIMIT``) of waiting.
    """
    wait_limit = WAIT_LIMIT if wait_limit is None else wait_limit
    handle = os.open(paths.build_lock, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        if not _try_lock(handle):
            if on_wait is not None:
                on_wait(WAITING)
            deadline = time.monotonic() + wait_limit
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    raise ProjectBusy(
                        f"Gave up after waiting {_duration(wait_limit)} for the other build in this project "
                        "to finish; nothing was changed."
                    )
                time.sleep(_POLL)
        yield
    finally:
        os.close(handle)  # lets go of the lock


def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:g} second{'s' if seconds != 1 else ''}"
    minutes = round(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def clear_leftovers(paths: Paths) -> list[str]:
    """Remove the partial files a killed writer left in ``docs/`` and ``.cache/``; call it holding the lock.

    A partial file whose writer is still running (the preview's PDF worker, which does not take the lock
    for each PDF) is left alone.

    (Staging folders in ``.build/`` are cleared by :func:`hub.site.swap.restore_interrupted_swap`.)
    Returns what was removed, relative to the project.
    """
    removed = []
    for folder in (paths.docs, paths.cache):
        if folder.is_dir():
            for path in sorted(folder.rglob(".*.part")):
                if is_stale_partial(path) and not path.is_dir():
                    path.unlink(missing_ok=True)
                    removed.append(path.relative_to(paths.project).as_posix())
    return removed
