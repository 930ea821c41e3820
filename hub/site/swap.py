"""A new site replaces the old one in one step: built in a staging folder, then swapped into place."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

RENAME_EXCHANGE = 2


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
