"""The command line run in this process, on a copy of the project: fast, and its output captured."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EPOCH, Run
from hub.cli import main as cli


def run_main(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """``build.py ARGV`` in ``project`` (also the working folder); SystemExit is turned into its code."""
    monkeypatch.setattr(cli, "PROJECT", project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(project)
    capsys.readouterr()
    try:
        code = cli.main(list(argv))
    except SystemExit as stopped:
        code = stopped.code if isinstance(stopped.code, int) else 1
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)
