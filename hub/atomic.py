"""Files replaced in one step, so that a reader (or a killed build) never sees half of one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def _partial(target: Path) -> Path:
    # A dotfile: MkDocs, which may be reading docs/ meanwhile, skips it.
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a partial file renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(target)
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` atomically unless it already holds exactly that; True if it was written."""
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False  # (the size first: an old file of another size is never read)
    replace_file(target, data)
    return True


def copy_if_changed(source: Path, target: Path) -> bool:
    """Copy ``source`` over ``target`` atomically unless they are already the same bytes."""
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.read_bytes() == source.read_bytes()
    ):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(target)
    try:
        shutil.copyfile(source, partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return True


def is_partial(path: Path) -> bool:
    """Whether ``path`` is a partial file, of a write under way or of one that never finished."""
    return path.name.startswith(".") and path.name.endswith(".part")


def is_stale_partial(path: Path) -> bool:
    """Whether ``path`` is a partial file whose writer has gone (its process id, in its name, is not running)."""
    if not is_partial(path):
        return False
    pid = path.name.removesuffix(".part").rpartition(".")[2]
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except PermissionError:  # it does, and is another user's
        return False
    except (ProcessLookupError, OverflowError):
        return True
    return False
