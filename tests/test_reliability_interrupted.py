"""A build that is killed (SIGKILL) at any point, or runs out of disk space, leaves the previous site/
exactly as it was, and the next build finishes the job with nothing lost and nothing left over."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EPOCH, SITE_URL, copy_project, run_build, tree_snapshot

pytestmark = pytest.mark.e2e  # builds killed in their own processes

# Runs the real command line in the project folder, first arranging for the whole
# process group (the build, its print workers and their server) to be killed at
# the point named on the command line.
INTERRUPTED_BUILD = r"""
import contextlib, errno, os, pathlib, signal, sys

point = sys.argv[1]


def die(*args, **kwargs):
    os.killpg(0, signal.SIGKILL)


if point == "writing pages":
    import hub.pipeline.generated

    write = hub.pipeline.generated.write_if_changed

    def write_then_die(target, data):
        changed = write(target, data)
        if changed:
            die()
        return changed

    hub.pipeline.generated.write_if_changed = write_then_die
elif point == "printing PDFs":
    import hub.cli.progress

    @contextlib.contextmanager
    def progress():
        def report(stage, done, total):
            if stage == "Printing PDFs" and 0 < done < total:
                die()

        yield report

    hub.cli.progress.terminal_progress = progress
elif point == "building the site":
    import mkdocs.utils

    write_file, written = mkdocs.utils.write_file, []

    def write_some_then_die(content, output_path):
        written.append(output_path)
        if len(written) == 20:
            die()
        write_file(content, output_path)

    mkdocs.utils.write_file = write_some_then_die
elif point == "before the swap":
    import hub.site.publish

    hub.site.publish.swap_into_place = die
elif point == "between the renames of a swap without renameat2":
    import hub.site.swap

    hub.site.swap._exchange = lambda first, second: False
    rename = pathlib.Path.rename

    def rename_or_die(self, target):
        if pathlib.Path(target).name == "site" and self.name.startswith("site-"):
            die()
        return rename(self, target)

    pathlib.Path.rename = rename_or_die
elif point == "out of disk space":
    import builtins

    real_open, opened = builtins.open, []

    def open_until_full(file, mode="r", *args, **kwargs):
        if "w" in mode and "/.build/site-" in str(file):
            opened.append(file)
            if len(opened) > 30:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return real_open(file, mode, *args, **kwargs)

    builtins.open = open_until_full

from hub.cli.main import main

sys.exit(main(["build"]))
"""


def interrupted_build(project: Path, point: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "HUB_SITE_URL": SITE_URL}
    return subprocess.run(
        [sys.executable, "-c", INTERRUPTED_BUILD, point],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        start_new_session=True,
        check=False,
    )


@pytest.fixture
def changed_project(built: Path, tmp_path: Path) -> Path:
    """A copy of the built project whose content has changed since its site was built."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(built / "site", project / "site")
    shutil.copytree(built / ".cache", project / ".cache")
    sandra = project / "content/scenarios/sandra.yml"
    sandra.write_text(sandra.read_text(encoding="utf-8").replace("title: Sandra\n", "title: Sandra Smith\n"), "utf-8")
    return project


def leftovers(project: Path) -> list[str]:
    """Partial files and staging folders that a finished build must not leave behind."""
    found = [p for p in project.rglob("*") if p.name.endswith(".part")]
    found += list((project / ".build").glob("site-*")) if (project / ".build").exists() else []
    return [p.relative_to(project).as_posix() for p in found]


def assert_next_build_finishes_the_job(project: Path) -> None:
    result = run_build(project, "build")
    assert result.code == 0, result.stderr
    assert "Sandra Smith" in (project / "site/scenarios/sandra/index.html").read_text(encoding="utf-8")
    assert leftovers(project) == []
    empty = [p.name for p in (project / "site/pdf").glob("*.pdf") if p.stat().st_size == 0]
    assert empty == []


@pytest.mark.parametrize(
    "point",
    [
        "writing pages",
        "printing PDFs",
        "building the site",
        "before the swap",
    ],
)
def test_a_killed_build_leaves_the_previous_site_intact(changed_project: Path, point: str) -> None:
    before = tree_snapshot(changed_project / "site")
    result = interrupted_build(changed_project, point)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert tree_snapshot(changed_project / "site") == before
    assert_next_build_finishes_the_job(changed_project)


def test_a_build_killed_between_the_renames_of_a_fallback_swap_is_put_right_by_the_next(
    changed_project: Path,
) -> None:
    before = tree_snapshot(changed_project / "site")
    result = interrupted_build(changed_project, "between the renames of a swap without renameat2")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert tree_snapshot(changed_project / ".build/site-previous") == before
    (changed_project / "content/scenarios/broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    assert run_build(changed_project, "build").code == 1
    assert tree_snapshot(changed_project / "site") == before
    (changed_project / "content/scenarios/broken.yml").unlink()
    assert_next_build_finishes_the_job(changed_project)


def test_a_build_killed_from_outside_while_mkdocs_runs_leaves_the_previous_site_intact(changed_project: Path) -> None:
    before = tree_snapshot(changed_project / "site")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "HUB_SITE_URL": SITE_URL}
    process = subprocess.Popen(
        [sys.executable, "build.py", "build"],
        cwd=changed_project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        work = changed_project / ".build"
        for _ in range(6000):  # polling, not timing: waits for MkDocs to start writing the new site
            if (work.exists() and any(work.glob("site-*/*"))) or process.poll() is not None:
                break
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert tree_snapshot(changed_project / "site") == before
    assert_next_build_finishes_the_job(changed_project)


def test_running_out_of_disk_space_fails_cleanly_and_leaves_the_site(changed_project: Path) -> None:
    before = tree_snapshot(changed_project / "site")
    result = interrupted_build(changed_project, "out of disk space")
    assert result.returncode == 1, result.stderr
    first, second = result.stderr.splitlines()[-2:]
    assert first.startswith("Build failed: could not write the new site: No space left on device (")
    assert second == "The previous site/ was left as it was."
    assert "Traceback" not in result.stderr
    assert tree_snapshot(changed_project / "site") == before
    assert leftovers(changed_project) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs (room for a project, its site and a second site being built), where this machine allows
    mounting one (as root); skipped elsewhere."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_fails_cleanly_and_leaves_the_site(built: Path, small_disk: Path) -> None:
    project = copy_project(small_disk / "project")
    shutil.copytree(built / "site", project / "site")
    shutil.copytree(built / ".cache", project / ".cache")
    used = shutil.disk_usage(small_disk).used
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (shutil.disk_usage(small_disk).total - used - 3_000_000))
    before = tree_snapshot(project / "site")
    sandra = project / "content/scenarios/sandra.yml"
    sandra.write_text(sandra.read_text(encoding="utf-8").replace("title: Sandra\n", "title: Sandra Smith\n"), "utf-8")
    result = run_build(project, "build")
    assert result.code == 1, result.stdout
    assert "No space left on device" in result.stderr
    assert result.stderr.splitlines()[-1] == "The previous site/ was left as it was."
    assert "Traceback" not in result.stderr
    assert tree_snapshot(project / "site") == before
    filler.unlink()
    assert_next_build_finishes_the_job(project)
