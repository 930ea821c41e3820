"""Concurrent builds (issue #12, class 7): one writer at a time. A second build waits and says so once, or
gives up with a message; a killed build never leaves the project locked; partial files and staging folders
left by a killed build are cleared by the next."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from in_process import run_main

from conftest import EPOCH, SITE_URL, copy_project
from hub.pipeline.lock import WAITING, ProjectBusy, clear_leftovers, project_lock
from hub.settings import Paths

HOLD = """
import fcntl, os, sys, time
handle = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(handle, fcntl.LOCK_EX)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator:
    """Starts another process that holds the project's lock for a while (killed at the end)."""
    started: list[subprocess.Popen[str]] = []

    def hold(paths: Paths, seconds: float) -> subprocess.Popen[str]:
        paths.cache.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(paths.build_lock), str(seconds)], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None and process.stdout.readline() == "holding\n"
        started.append(process)
        return process

    yield hold
    for process in started:
        process.kill()
        process.wait()
        assert process.stdout is not None
        process.stdout.close()


@pytest.mark.e2e  # another process, or WeasyPrint
def test_a_second_holder_waits_says_so_once_and_then_goes_on(tmp_path: Path, holder) -> None:
    paths = Paths(tmp_path)
    holder(paths, 1.5)
    heard: list[str] = []
    began = time.monotonic()
    with project_lock(paths, on_wait=heard.append, wait_limit=60):
        waited = time.monotonic() - began
    assert heard == ["Another build is running in this project; waiting for it to finish…"] == [WAITING]
    assert 0.5 < waited < 30


def test_a_holder_that_does_not_finish_in_time_is_given_up_on(tmp_path: Path, holder) -> None:
    paths = Paths(tmp_path)
    holder(paths, 60)
    heard: list[str] = []
    with pytest.raises(ProjectBusy) as given_up, project_lock(paths, on_wait=heard.append, wait_limit=0.5):
        pytest.fail("the lock was taken while another process held it")
    assert heard == [WAITING]
    assert str(given_up.value) == (
        "Gave up after waiting 0.5 seconds for the other build in this project to finish; nothing was changed."
    )


def test_a_killed_holder_leaves_nothing_locked(tmp_path: Path, holder) -> None:
    paths = Paths(tmp_path)
    process = holder(paths, 60)
    process.send_signal(signal.SIGKILL)
    process.wait()
    heard: list[str] = []
    with project_lock(paths, on_wait=heard.append, wait_limit=0):
        pass
    assert heard == []


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    """The preview's page regeneration and its PDF worker are threads of one process."""
    paths = Paths(tmp_path)
    inside, most = 0, 0
    guard = threading.Lock()

    def work() -> None:
        nonlocal inside, most
        for _ in range(5):
            with project_lock(paths):
                with guard:
                    inside += 1
                    most = max(most, inside)
                time.sleep(0.01)
                with guard:
                    inside -= 1

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1


@pytest.mark.e2e  # another process, or WeasyPrint
def test_a_build_that_gives_up_waiting_says_why_and_exits_1(
    tmp_path: Path, holder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import hub.pipeline.lock

    project = copy_project(tmp_path / "project")
    holder(Paths(project), 60)
    monkeypatch.setattr(hub.pipeline.lock, "WAIT_LIMIT", 1.0)
    result = run_main(project, monkeypatch, capsys, "build")
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        WAITING,
        "Gave up after waiting 1 second for the other build in this project to finish; nothing was changed.",
    ]
    assert not (project / "docs/scenarios").exists()  # nothing was written


def dead_pid() -> int:
    """The process id of a process that has finished."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def plant_leftovers(project: Path) -> list[Path]:
    """What a build killed at the wrong moment leaves: partial files and a staging folder."""
    pid = dead_pid()
    planted = [
        project / f"docs/pdf/.cards-scenarios.pdf.{pid}.part",
        project / f"docs/scenarios/sandra/.index.md.{pid}.part",
        project / f".cache/pdf/.0123abcd.pdf.{pid}.part",
        project / f".cache/.qr-codes.json.{pid}.part",
    ]
    for path in planted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.7 half of a fil")
    staging = project / ".build/site-k1lled"
    (staging / "scenarios").mkdir(parents=True)
    (staging / "index.html").write_text("half a site", encoding="utf-8")
    return [*planted, staging]


def test_leftovers_of_a_killed_writer_are_cleared(tmp_path: Path) -> None:
    project = tmp_path / "project"
    planted = plant_leftovers(project)
    kept = [project / "docs/pdf/cards-scenarios.pdf", project / "docs/.pages", project / ".cache/pdf/0123abcd.pdf"]
    kept.append(project / f"docs/pdf/.cards-scenarios.pdf.{os.getpid()}.part")  # a write still under way
    for path in kept:
        path.write_bytes(b"kept")
    removed = clear_leftovers(Paths(project))
    assert sorted(removed) == sorted(path.relative_to(project).as_posix() for path in planted[:-1])
    assert [path for path in planted[:-1] if path.exists()] == []
    assert all(path.read_bytes() == b"kept" for path in kept)


def leftovers(project: Path) -> list[str]:
    found = [p for p in project.rglob("*") if p.name.endswith(".part")]
    found += list((project / ".build").glob("site-*")) if (project / ".build").exists() else []
    return sorted(p.relative_to(project).as_posix() for p in found)


def start_build(project: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "HUB_SITE_URL": SITE_URL}
    return subprocess.Popen(
        [sys.executable, "build.py", "build"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


@pytest.mark.e2e
def test_two_builds_started_two_seconds_apart_both_succeed(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built / ".cache", project / ".cache")
    # ten PDFs to print (the smallest: the build takes a while without any pack's cost), so the second build waits
    for entry in sorted((project / ".cache/pdf").glob("*.pdf"), key=lambda entry: entry.stat().st_size)[:10]:
        entry.unlink()
    plant_leftovers(project)
    first = start_build(project)
    time.sleep(2)
    second = start_build(project)
    try:
        first_out, first_err = first.communicate(timeout=900)
        second_out, second_err = second.communicate(timeout=900)
    finally:
        for process in (first, second):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert first_err == ""
    assert second_err == WAITING + "\n"  # said once, however long it waited
    assert first_out.startswith("Built site/: ") and " PDFs printed, " in first_out
    assert second_out.startswith("site/ unchanged: 0 PDFs printed, ")
    assert leftovers(project) == []
    assert (project / "site/index.html").is_file()
    empty = [p.name for p in (project / "site/pdf").glob("*.pdf") if p.stat().st_size == 0]
    assert empty == []
