"""Two clean builds of the same sources with the same SOURCE_DATE_EPOCH, in different folders and with no
cache, give byte-identical sites, PDFs included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build, tree_snapshot

pytestmark = pytest.mark.e2e  # a second clean build


def test_two_clean_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "elsewhere" / "again")
    result = run_build(again, "build")
    assert result.code == 0, result.stderr
    first, second = tree_snapshot(built / "site"), tree_snapshot(again / "site")
    assert sorted(first) == sorted(second)
    assert any(name.endswith(".pdf") for name in first)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
