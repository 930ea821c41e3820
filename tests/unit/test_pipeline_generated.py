"""hub.pipeline.generated: docs/'s generated folders hold exactly what was rendered."""

from __future__ import annotations

from pathlib import Path

from hub.pipeline.generated import create_placeholders, sync_generated


def test_sync_writes_changes_and_removes_orphans(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "gone.md").write_text("old", encoding="utf-8")
    (tmp_path / "scenarios" / "same.md").write_text("same", encoding="utf-8")
    (tmp_path / "index.md").write_text("hand-made", encoding="utf-8")
    files = {"scenarios/same.md": b"same", "scenarios/new.md": b"new"}
    changed = sync_generated(tmp_path, ("scenarios", "pdf"), files, keep={"pdf/x.pdf"})
    assert sorted(changed) == ["scenarios/gone.md", "scenarios/new.md"]
    assert sorted(p.name for p in (tmp_path / "scenarios").iterdir()) == ["new.md", "same.md"]
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "hand-made"
    assert sync_generated(tmp_path, ("scenarios",), files, keep=set()) == []


def test_empty_folders_go_and_kept_files_stay(tmp_path: Path) -> None:
    (tmp_path / "pdf" / "old").mkdir(parents=True)
    (tmp_path / "pdf" / "keep.pdf").write_bytes(b"%PDF")
    sync_generated(tmp_path, ("pdf",), {}, keep={"pdf/keep.pdf"})
    assert [p.name for p in (tmp_path / "pdf").iterdir()] == ["keep.pdf"]


def test_placeholders_only_where_nothing_is(tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "made.pdf").write_bytes(b"%PDF")
    create_placeholders(tmp_path, {"pdf/made.pdf", "pdf/new.pdf"})
    assert (tmp_path / "pdf" / "made.pdf").read_bytes() == b"%PDF"
    assert (tmp_path / "pdf" / "new.pdf").read_bytes() == b""
