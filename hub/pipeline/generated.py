"""The generated folders of ``docs/``: files written only when their bytes change, and orphans removed."""

from __future__ import annotations

from pathlib import Path

from hub.atomic import write_if_changed
from hub.render.outputs import inside


def sync_generated(root: Path, folders: tuple[str, ...], files: dict[str, bytes], keep: set[str]) -> list[str]:
    """Make ``folders`` under ``root`` hold exactly ``files`` plus ``keep``; return what changed."""
    changed = [name for name, data in sorted(files.items()) if write_if_changed(inside(root, name), data)]
    wanted = set(files) | keep
    for folder in folders:
        base = root / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            name = path.relative_to(root).as_posix()
            if path.is_file() and name not in wanted:
                path.unlink()
                changed.append(name)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def create_placeholders(root: Path, names: set[str]) -> None:
    """Empty files for outputs still to be made, so link checks see them from the start."""
    for name in sorted(names):
        target = inside(root, name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.touch()
