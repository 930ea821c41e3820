"""The command line (issue #12, class 9): a bad ``-o`` or ``--port`` is a usage error (exit 2) in argparse's
words, never a traceback; ``pack`` and ``star`` follow one rule for ``-o``; the preview answers 400 to an
address with a NUL in it."""

from __future__ import annotations

import errno
import http.client
import os
import socket
import threading
from pathlib import Path

import pytest
from in_process import run_main

from conftest import copy_project


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("command-line") / "project")
    (project / "a-folder.pdf").mkdir()
    (project / "zero.pdf").symlink_to("/dev/zero")
    os.mkfifo(project / "pipe.pdf")
    return project


COMMANDS = {
    "pack": ["pack", "--exercise", "1"],
    "star": ["star", "--ratings", "values=6,identity=4,outcomes=7,strengths=5,learning-and-change=3,community=8,"
             "co-production=4,communication=6"],
}  # fmt: skip


@pytest.mark.parametrize("command", ["pack", "star"])
@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("x.txt", "expected a file name ending in .pdf, not 'x.txt'"),
        ("x.PDF.txt", "expected a file name ending in .pdf, not 'x.PDF.txt'"),
        ("", "expected a file name ending in .pdf, not ''"),
        (" ", "expected a file name ending in .pdf, not ' '"),
        ("a-folder.pdf", "'a-folder.pdf' is a folder; give a file name ending in .pdf"),
        ("new-folder.pdf/", "'new-folder.pdf/' is a folder; give a file name ending in .pdf"),
        (".", "'.' is a folder; give a file name ending in .pdf"),
        ("/dev/zero", "expected a file name ending in .pdf, not '/dev/zero'"),
        ("zero.pdf", "'zero.pdf' is not a regular file (a device, pipe or socket); give a PDF file"),
        ("pipe.pdf", "'pipe.pdf' is not a regular file (a device, pipe or socket); give a PDF file"),
        ("no-such-folder/x.pdf", "cannot write 'no-such-folder/x.pdf': the folder 'no-such-folder' does not exist"),
        ("build.py/x.pdf", "cannot use 'build.py/x.pdf': Not a directory"),
    ],
)
def test_an_output_that_cannot_be_a_pdf_is_a_usage_error(
    shared_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    output: str,
    message: str,
) -> None:
    result = run_main(shared_project, monkeypatch, capsys, *COMMANDS[command], "-o", output)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"usage: build.py {command} ")
    assert result.stderr.splitlines()[-1] == f"build.py {command}: error: argument -o/--output: {message}"
    assert "Traceback" not in result.stderr
    assert (shared_project / "zero.pdf").resolve() == Path("/dev/zero")  # never replaced


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_output_in_a_folder_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run_main(shared_project, monkeypatch, capsys, *COMMANDS["pack"], "-o", f"{locked}/x.pdf")
    assert result.code == 2
    assert result.stderr.splitlines()[-1] == (
        "build.py pack: error: argument -o/--output: "
        f"cannot write '{locked}/x.pdf': no permission to write in '{locked}'"
    )


def test_a_pdf_that_cannot_be_written_at_the_end_is_one_plain_line(
    shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub import pipeline

    def full_disk(settings: object, model: object, output: object, target: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(pipeline, "print_one", full_disk)
    for command in ("pack", "star"):
        result = run_main(shared_project, monkeypatch, capsys, *COMMANDS[command], "-o", "out.pdf")
        assert (result.code, result.stdout) == (1, "")
        assert result.stderr == f"build.py {command}: could not write out.pdf: No space left on device\n"


@pytest.mark.parametrize(
    ("port", "message"),
    [
        ("99999", "expected a port number from 1 to 65535, not '99999'"),
        ("0", "expected a port number from 1 to 65535, not '0'"),
        ("-1", "expected a port number from 1 to 65535, not '-1'"),
        ("http", "expected a port number from 1 to 65535, not 'http'"),
        ("", "expected a port number from 1 to 65535, not ''"),
    ],
)
def test_a_port_that_is_not_a_port_is_a_usage_error(
    shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], port: str, message: str
) -> None:
    result = run_main(shared_project, monkeypatch, capsys, "serve", "--port", port)
    assert result.code == 2
    assert result.stderr == (
        f"usage: build.py serve [-h] [--port PORT] [--host HOST]\nbuild.py serve: error: argument --port: {message}\n"
    )


def test_a_port_in_use_is_a_usage_error_before_anything_is_built(
    shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_main(shared_project, monkeypatch, capsys, "serve", "--port", str(port))
    assert result.code == 2
    assert result.stderr.splitlines()[-1] == (
        f"build.py serve: error: argument --port: port {port} on 127.0.0.1 is already in use; "
        "choose another with --port"
    )
    assert not (shared_project / "docs/scenarios").exists()  # refused before the first build


def test_the_preview_answers_400_to_an_address_with_a_nul(tmp_path: Path) -> None:
    """MkDocs's own server, as ``serve`` runs it; a NUL used to end in a 500 and a traceback."""
    import mkdocs.commands.serve

    from hub.cli.serve import _bad_addresses_refused

    (tmp_path / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    with _bad_addresses_refused():
        server = mkdocs.commands.serve.LiveReloadServer(
            builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
        )
    server.server_bind()
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        answers = {}
        for path in ("/a%00b", "/index.html%00.txt", "/%1b[2J", "/index.html"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            answers[path] = (response.status, response.read())
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    refused = (400, b"400 Bad Request: the address holds a control character.\n")
    assert answers == {
        "/a%00b": refused,
        "/index.html%00.txt": refused,
        "/%1b[2J": refused,
        "/index.html": (200, b"<html><body>home</body></html>"),
    }
    assert mkdocs.commands.serve.LiveReloadServer.__name__ == "LiveReloadServer"  # put back afterwards
