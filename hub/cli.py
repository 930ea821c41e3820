"""Command line: ``build`` (default), ``check`` and ``serve``.

Exit codes: 0 success, 1 content or build problems, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub.problems import ContentError

PROJECT = Path(__file__).resolve().parent.parent


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="build.py", description="Build Outcomes Hub: the site and every PDF.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("build", help="validate content, then build the site and every PDF into site/ (default)")
    commands.add_parser("check", help="validate content only; write nothing")
    serve = commands.add_parser("serve", help="live preview that rebuilds when content or templates change")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def _print_problems(error: ContentError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "build"
    from hub import pipeline
    from hub.pdf import PdfError
    from hub.site import SiteError

    try:
        if command == "check":
            library, rendered = pipeline.read_and_render(PROJECT)
            print(f"Content is valid: {len(library.entries)} items, {len(rendered.print_jobs)} PDFs to make.")
            return 0
        if command == "serve":
            from hub.serve import serve

            return serve(PROJECT, args.host, args.port)
        from hub.progress import terminal_progress

        with terminal_progress() as progress:
            report = pipeline.build(PROJECT, progress)
        print(
            f"Built site/: {report.pages_changed} generated files changed, "
            f"{report.pdfs_rendered} PDFs printed, {report.pdfs_cached} unchanged."
        )
        return 0
    except ContentError as error:
        _print_problems(error)
        return 1
    except (PdfError, SiteError) as error:
        print(f"Build failed: {error}", file=sys.stderr)
        print("The previous site/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; the previous site/ was left as it was.", file=sys.stderr)
        return 130
