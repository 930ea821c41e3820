"""Two clean builds of the same sources with the same SOURCE_DATE_EPOCH, in different folders and with no
cache, give byte-identical sites, PDFs included: the shared build and one more (the only second clean build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build, tree_snapshot

pytestmark = pytest.mark.e2e  # a second clean build


def test_two_clean_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    # The shared build is the first; the second is from the same sources (the working tree may have moved on
    # since), in another folder and without the first one's cache.
    again = copy_project(tmp_path / "elsewhere" / "again", source=built)
    result = run_build(again, "build")
    assert result.code == 0, result.stderr
    first, second = tree_snapshot(built / "site"), tree_snapshot(again / "site")
    assert sorted(first) == sorted(second)
    assert any(name.endswith(".pdf") for name in first)
    assert len([name for name in first if name.startswith("pdf/") and name.endswith(".pdf")]) > 100
    differing = [name for name in first if first[name] != second[name]]  # every page and every PDF
    assert differing == []
