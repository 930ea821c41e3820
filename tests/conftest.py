"""Shared fixtures: copies of the real project, built for real, and the command line run in this process.

Tests come in two tiers. Unit tests run in this process, with no full build, no browser and no PDFs:
`make test-fast` runs them alone (`pytest -m "not e2e"`). Tests marked ``e2e`` build for real, start
processes, drive Chromium or print with WeasyPrint. A test that uses the shared build or a browser, or
runs ``build.py`` in a process of its own, must be marked ``e2e``; collection and ``run_build`` refuse
one that is not, so the fast tier stays fast.
"""

from __future__ import annotations

import fcntl
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from hub.render.outputs import GENERATED_FOLDERS

REPO = Path(__file__).resolve().parent.parent
GENERATED = set(GENERATED_FOLDERS)
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
# Where the test builds say the site is published (HUB_SITE_URL): a real-looking address, so that printed pages
# carry QR codes and links; mkdocs.yml's own site_url is a placeholder, which prints none.
SITE_URL = "https://personal-outcomes-hub.org/"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # processor time the run took


# Fixtures that only an end-to-end test may use: the shared build and the browser.
E2E_FIXTURES = frozenset({"built", "browser", "page", "site_url"})
_running: list[pytest.Item] = []  # the test being set up or run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [
        f"{item.nodeid} uses {', '.join(sorted(E2E_FIXTURES & set(item.fixturenames)))}"  # type: ignore[attr-defined]
        for item in items
        if E2E_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("e2e") is None
    ]
    if unmarked:
        raise pytest.UsageError("mark these tests @pytest.mark.e2e:\n  " + "\n  ".join(unmarked))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _running[:] = [item]  # before any fixture of the test is set up, the shared build among them


def copy_project(target: Path, source: Path = REPO) -> Path:
    """A copy of the project's sources (no generated files, no site), from the repository or from ``source``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy2(source / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("hub", "templates", "content"):
        shutil.copytree(source / folder, target / folder, ignore=ignore)

    def ignore_generated(directory: str, names: list[str]) -> set[str]:
        return GENERATED & set(names) if Path(directory) == source / "docs" else set()

    shutil.copytree(source / "docs", target / "docs", ignore=ignore_generated)
    return target


def ignore_at_top(root: Path, *names: str):
    """A copytree ``ignore`` that leaves out ``names`` at the top of ``root`` only (``site/``, not ``hub/site/``)."""

    def ignore(directory: str, found: list[str]) -> set[str]:
        top = {name for name in names if name in found} if Path(directory) == root else set()
        return top | {name for name in found if name == "__pycache__"}

    return ignore


def run_build(project: Path, *args: str, timeout: float = 600, site_url: str | None = SITE_URL) -> Run:
    """``build.py ARGS`` in a process of its own, in ``project``, the site published at ``site_url`` (None:
    mkdocs.yml's); only for tests marked e2e."""
    if _running and _running[0].get_closest_marker("e2e") is None:
        raise pytest.UsageError(f"{_running[0].nodeid} runs build.py in a process: mark it @pytest.mark.e2e")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HUB_SITE_URL", None)
    if site_url is not None:
        env["HUB_SITE_URL"] = site_url
    started = _children_cpu_seconds()
    done = subprocess.run(
        [sys.executable, "build.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr, _children_cpu_seconds() - started)


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once for the whole session, and shared by its workers when the tests run in several
    (pytest-xdist): the first to need it builds it under a lock, the others wait and reuse it. Treat it as read-only."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder all the workers' temporary folders are in
    root, done = shared / "built" / "project", shared / "built" / "done"
    (shared / "built").mkdir(exist_ok=True)
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(root, ignore_errors=True)
            result = run_build(copy_project(root), "build")
            assert result.code == 0, result.stderr
            done.write_text(result.stderr)
    return root


@pytest.fixture
def run_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``run(project, *args)``: ``build.py ARGS`` as ``hub.cli.main`` in this process, on ``project`` (by
    patching ``hub.cli.main.PROJECT``) and in it, with SOURCE_DATE_EPOCH and HUB_SITE_URL set as ``run_build``
    sets them; the exit code (a usage error's too) and what it printed are captured, as ``run_build`` gives them."""
    from hub.cli import main as cli

    def run(project: Path, *args: str, site_url: str | None = SITE_URL) -> Run:
        monkeypatch.setattr(cli, "PROJECT", project)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        monkeypatch.delenv("HUB_SITE_URL", raising=False)
        if site_url is not None:
            monkeypatch.setenv("HUB_SITE_URL", site_url)
        monkeypatch.chdir(project)
        capsys.readouterr()
        started = time.process_time()
        try:
            code = cli.main(list(args))
        except SystemExit as stopped:
            code = stopped.code if isinstance(stopped.code, int) else 1
        spent = time.process_time() - started
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err, spent)

    return run


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_bookmarks(pdf: Path | PdfReader) -> list[tuple[int, str, int]]:
    """A PDF's bookmarks in order: (depth, title, page number from 1)."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(outline: list, depth: int) -> None:
        for entry in outline:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found
