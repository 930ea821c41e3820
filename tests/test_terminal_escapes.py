"""Terminal escape injection (issue #12, class 6): whatever an author or user typed is shown with its control
characters escaped, in every message: content problems, usage errors, argparse's own, build failures and the
preview's log. An ``ESC[2J`` in a key used to clear the screen and could print a fake "Content is valid"."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from in_process import run_main

from conftest import copy_project
from hub.cli.serve import _PrintableFormatter
from hub.problems import Problem, UsageError, printable

CLEAR = "\x1b[2J\x1b[H"  # clears the screen and moves the cursor home


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("escapes") / "project")


def test_control_characters_are_shown_escaped() -> None:
    assert printable(f"{CLEAR}Content is valid") == "\\x1b[2J\\x1b[HContent is valid"
    assert printable("bell\a, title\x1b]0;pwned\x07, C1 \x9b2J, DEL \x7f") == (
        "bell\\x07, title\\x1b]0;pwned\\x07, C1 \\x9b2J, DEL \\x7f"
    )
    assert printable("a\nfake line\r\tx") == "a\\nfake line\\r\\tx"
    # Invisible reordering and formatting (bidirectional overrides, zero-width), line separators, and a
    # lone surrogate from an undecodable file name (which would not even encode for a UTF-8 terminal).
    assert printable("\u202eevil\u202c\u200b\u2028\udcff") == "\\u202eevil\\u202c\\u200b\\u2028\\udcff"
    assert printable("Łódź, Gwŷr, naïve – “quotes” ✓ 🙂") == "Łódź, Gwŷr, naïve – “quotes” ✓ 🙂"
    assert printable("two\nlines\x1b", keep_newlines=True) == "two\nlines\\x1b"


def test_problems_and_usage_errors_turn_into_escaped_text() -> None:
    problem = Problem("content/x\x1b.yml", 3, 1, f"{CLEAR}key", "unknown field '\x1b[31mkey'")
    assert str(problem) == "content/x\\x1b.yml:3:1: \\x1b[2J\\x1b[Hkey: unknown field '\\x1b[31mkey'"
    assert str(UsageError("--title", "bad\x1b[2J")) == "argument --title: bad\\x1b[2J"


def test_a_key_with_escape_sequences_is_shown_escaped_by_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    sandra = project / "content/scenarios/sandra.yml"
    lines = sandra.read_text(encoding="utf-8").count("\n")
    with sandra.open("a", encoding="utf-8") as file:
        file.write('"\\e[2J\\e[HContent is valid: 94 items\\u202e": 1\n')  # YAML's own escapes: ESC, RLO
    result = run_main(project, monkeypatch, capsys, "check")
    assert result.code == 1 and result.stdout == ""
    key = "\\x1b[2J\\x1b[HContent is valid: 94 items\\u202e"
    shown = result.stderr.splitlines()
    # The control characters are refused by name (hub.content.characters), and the key is unknown; every line escaped.
    assert f"content/scenarios/sandra.yml:{lines + 1}:1: {key}: unknown field '{key}'" in shown
    assert shown[-1] == f"{len(shown) - 1} problems found; nothing was written."
    assert any("control character '\\x1b' (U+001B ESCAPE)" in line for line in shown)
    assert all("\x1b" not in line and "\u202e" not in line for line in shown)


@pytest.mark.parametrize(
    ("argv", "last_line"),
    [
        (
            ["pack", "--exercise", f"{CLEAR}x", "-o", "out.pdf"],
            "build.py pack: error: argument --exercise: unknown exercise '\\x1b[2J\\x1b[Hx' "
            "(give an exercise's id, or its number)",
        ),
        (
            ["pack", "--exercise", "1", "--title", "\x1b[2J  ", "-o", "\x1b]0;title\x07.txt"],
            "build.py pack: error: argument -o/--output: expected a file name ending in .pdf, "
            "not '\\x1b]0;title\\x07.txt'",
        ),
        (
            [f"{CLEAR}check"],
            "build.py: error: argument COMMAND: invalid choice: '\\x1b[2J\\x1b[Hcheck' "
            "(choose from 'build', 'check', 'serve', 'star', 'pack', 'provenance')",
        ),
        (
            ["serve", "--port", "80\x1b[2J"],
            "build.py serve: error: argument --port: expected a port number from 1 to 65535, not '80\\x1b[2J'",
        ),
        (
            ["star", "--ratings", f"values=6,{CLEAR}identity=4", "-o", "star.pdf"],
            "build.py star: error: --ratings: unknown point '\\x1b[2J\\x1b[Hidentity'; did you mean 'identity'? "
            "(the points are: values, identity, outcomes, strengths, learning-and-change, community, "
            "co-production, communication)",
        ),
    ],
)
def test_usage_errors_show_what_was_typed_escaped(
    shared_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    last_line: str,
) -> None:
    result = run_main(shared_project, monkeypatch, capsys, *argv)
    assert result.code == 2
    assert result.stderr.splitlines()[-1] == last_line
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_build_failures_show_the_engines_words_escaped(
    shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub import pipeline
    from hub.site.engines import SiteError

    def failing_build(*args: object, **kwargs: object) -> None:
        raise SiteError(f"MkDocs: Aborted with 1 warning\n  Doc file 'x{CLEAR}.md' contains a link 'y\x07'")

    monkeypatch.setattr(pipeline, "build", failing_build)
    result = run_main(shared_project, monkeypatch, capsys, "build")
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "Build failed: MkDocs: Aborted with 1 warning",
        "  Doc file 'x\\x1b[2J\\x1b[H.md' contains a link 'y\\x07'",
        "The previous site/ was left as it was.",
    ]


def test_the_previews_log_lines_are_escaped() -> None:
    formatter = _PrintableFormatter("%(levelname)-7s -  %(message)s")
    record = logging.LogRecord("mkdocs", logging.WARNING, __file__, 1, '"GET /\x1b[2J HTTP/1.1" code 404', (), None)
    assert formatter.format(record) == 'WARNING -  "GET /\\x1b[2J HTTP/1.1" code 404'
