"""hub.atomic: files replaced in one step, written only when their bytes change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hub.atomic import copy_if_changed, is_partial, replace_file, write_if_changed


def test_write_if_changed_writes_only_new_bytes(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.txt"
    assert write_if_changed(target, b"one") is True
    before = target.stat().st_mtime_ns
    assert write_if_changed(target, b"one") is False
    assert target.stat().st_mtime_ns == before
    assert write_if_changed(target, b"two") is True
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["b.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def fail(self: Path, data: bytes) -> int:
        os.close(os.open(self, os.O_CREAT | os.O_WRONLY))  # the partial file exists, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", fail)
    with pytest.raises(OSError):
        replace_file(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_copy_if_changed(tmp_path: Path) -> None:
    source, target = tmp_path / "source.pdf", tmp_path / "out" / "target.pdf"
    source.write_bytes(b"%PDF-1")
    assert copy_if_changed(source, target) is True
    assert copy_if_changed(source, target) is False
    source.write_bytes(b"%PDF-2")
    assert copy_if_changed(source, target) is True
    assert target.read_bytes() == b"%PDF-2"


def test_partials_are_hidden_and_recognised(tmp_path: Path) -> None:
    assert is_partial(Path(f".page.md.{os.getpid()}.part"))
    assert not is_partial(Path("page.md")) and not is_partial(Path("x.part"))
