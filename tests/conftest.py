"""Shared fixtures: copies of the real project, built for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hub.render.outputs import GENERATED_FOLDERS

REPO = Path(__file__).resolve().parent.parent
GENERATED = set(GENERATED_FOLDERS)
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (no generated files, no site)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy2(REPO / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("hub", "templates", "content"):
        shutil.copytree(REPO / folder, target / folder, ignore=ignore)

    def ignore_generated(directory: str, names: list[str]) -> set[str]:
        return GENERATED & set(names) if Path(directory) == REPO / "docs" else set()

    shutil.copytree(REPO / "docs", target / "docs", ignore=ignore_generated)
    return target


def ignore_at_top(root: Path, *names: str):
    """A copytree ``ignore`` that leaves out ``names`` at the top of ``root`` only (``site/``, not ``hub/site/``)."""

    def ignore(directory: str, found: list[str]) -> set[str]:
        top = {name for name in names if name in found} if Path(directory) == root else set()
        return top | {name for name in found if name == "__pycache__"}

    return ignore


def run_build(project: Path, *args: str, timeout: float = 600) -> Run:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "build.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once for the whole session. Treat it as read-only."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_build(root, "build")
    assert result.code == 0, result.stderr
    return root


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
