"""``check`` writes nothing (issue #12, class 11): no compiled templates, no QR codes, no lock, not even
``.cache/``; so it runs for someone who may only read the project, and a build there fails with a message,
not a PermissionError traceback."""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from in_process import run_main

from conftest import EPOCH, copy_project

NOBODY = 65534


def everything(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under ``folder`` with its mode, modification time and (for files) bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts:  # Python's own, for the code under test
            continue
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found[path.relative_to(folder).as_posix()] = (info.st_mode, info.st_mtime_ns, data)
    return found


def test_check_writes_nothing_in_a_fresh_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    before = everything(project)
    result = run_main(project, monkeypatch, capsys, "check")
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout.startswith("Content is valid: ")
    assert everything(project) == before
    assert not (project / ".cache").exists()


def test_check_uses_but_never_updates_what_builds_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    cache = project / ".cache"
    (cache / "templates").mkdir(parents=True)
    (cache / "qr-codes.json").write_text('{"recipe": "an older one", "codes": {}}', encoding="utf-8")
    before = everything(project)
    result = run_main(project, monkeypatch, capsys, "check")
    assert result.code == 0, result.stderr
    assert everything(project) == before


@pytest.fixture
def read_only_copy() -> Iterator[Path]:
    """A copy of the project nobody may write to, in a folder everyone may read (pytest's own is private)."""
    holder = Path(tempfile.mkdtemp(prefix="read-only-"))
    holder.chmod(0o755)
    project = copy_project(holder / "project")
    for path in [project, *project.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        yield project
    finally:
        for path in [project, *project.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o200)
        shutil.rmtree(holder)


def run_as_reader(project: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``build.py ARGV`` as someone who may read the project but not write to it.

    As root (who may write anywhere), that is the user ``nobody``; otherwise the read-only copy is enough.
    """
    command = [sys.executable, "build.py", *argv]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as another user needs setpriv")
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(project)}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode in (126, 127) or "can't open file" in done.stderr:
        pytest.skip(f"the user nobody cannot run this Python: {done.stderr.strip()}")
    return done


@pytest.mark.e2e  # another process, or WeasyPrint
def test_check_runs_for_someone_who_cannot_write_to_the_project(read_only_copy: Path) -> None:
    before = everything(read_only_copy)
    result = run_as_reader(read_only_copy, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content is valid: ") and result.stderr == ""
    assert everything(read_only_copy) == before


def test_a_build_that_may_not_write_says_so_in_one_line(read_only_copy: Path) -> None:
    result = run_as_reader(read_only_copy, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Build failed: {read_only_copy}/.cache: Permission denied",
        "The previous site/ was left as it was.",
    ]


def test_a_permission_error_while_building_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wherever the build is refused a write (here, simulated), it stops with the file named."""
    build_module = importlib.import_module("hub.pipeline.run")
    project = copy_project(tmp_path / "project")

    def refused(*args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(project / "docs/pdf/x.pdf"))

    monkeypatch.setattr(build_module, "_build", refused)
    result = run_main(project, monkeypatch, capsys, "build")
    assert result.code == 1
    assert result.stderr.splitlines() == [
        f"Build failed: {project}/docs/pdf/x.pdf: Permission denied",
        "The previous site/ was left as it was.",
    ]
