"""Command line: ``build`` (default), ``check``, ``serve``, ``star``, ``pack`` and ``provenance``.

Exit codes: 0 success, 1 content or build problems, 2 usage errors.  This is
the entry point: it alone reads the environment, and it makes the one
:class:`~hub.settings.Settings` that every stage below is given.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from hub.cli.arguments import port_number, site_address
from hub.cli.pack import add_pack_arguments
from hub.cli.provenance import add_provenance_arguments
from hub.cli.say import complain, say
from hub.cli.star import add_star_arguments
from hub.problems import ContentError, UsageError
from hub.settings import Paper, Settings, last_commit_time
from hub.words import plural

_OUT_OF_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)
PROJECT = Path(__file__).resolve().parent.parent.parent
SITE_URL_VARIABLE = "HUB_SITE_URL"  # where the site is published: over mkdocs.yml, under --site-url


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        complain(f"{self.prog}: error: {message}")
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="build.py", description="Build Outcomes Hub: the site and every PDF.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    build = commands.add_parser(
        "build", help="validate content, then build the site and every PDF into site/ (default)"
    )
    _add_paper_arguments(build)
    build.add_argument(
        "--engine",
        choices=("mkdocs", "properdocs", "zensical"),
        default="mkdocs",
        help="the site engine (default: mkdocs); see docs/architecture.md",
    )
    commands.add_parser("check", help="validate content only; write nothing")
    serve = commands.add_parser("serve", help="live preview that rebuilds when content or templates change")
    serve.add_argument("--port", type=port_number, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    star = commands.add_parser(
        "star",
        help="print the culture star filled in from ratings (two readings overlaid with --compare)",
        description="Print the culture star filled in from scores, with a table of the numbers beside it.",
    )
    add_star_arguments(star)
    _add_paper_arguments(star)
    pack = commands.add_parser(
        "pack",
        help="print a workshop pack of the exercises you choose, or from training-priorities ratings",
        description="Print a workshop pack: agenda, checklist, facilitator's guides and participant materials.",
    )
    add_pack_arguments(pack)
    _add_paper_arguments(pack)
    provenance = commands.add_parser(
        "provenance",
        help="list every source-worded string in content/ that is not in the source texts",
        description="Compare every source-worded string in content/ with the plain-text source documents.",
    )
    add_provenance_arguments(provenance)
    for command in commands.choices.values():
        command.set_defaults(fail=command.error)  # a usage error found later is reported like argparse's own
    parser.set_defaults(fail=parser.error)
    return parser


def _add_paper_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper", type=str.lower, choices=("a4", "letter"), default="a4", help="paper size of the PDFs (default: a4)"
    )
    parser.add_argument("--large-print", action="store_true", help="large print: body text at 16pt")
    parser.add_argument(
        "--site-url",
        type=site_address,
        metavar="URL",
        help=f"the address the site is published at, for the QR codes and links on printed pages "
        f"(default: ${SITE_URL_VARIABLE}, else site_url in mkdocs.yml)",
    )


def settings_for(project: Path, args: argparse.Namespace) -> Settings:
    """The run's settings; the build date is SOURCE_DATE_EPOCH, else the last commit, else now.

    SOURCE_DATE_EPOCH is then set to it for this process and the PDF workers it starts: fontTools
    stamps every subset font with that date, or else with the current time, which would make
    PDFs of the same HTML differ from one second to the next.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    epoch = int(given) if given.isdigit() else last_commit_time(project)
    paper = Paper(getattr(args, "paper", "a4"), getattr(args, "large_print", False))
    site_url = getattr(args, "site_url", None) or os.environ.get(SITE_URL_VARIABLE, "").strip() or None
    settings = Settings.load(
        project, paper=paper, epoch=epoch, engine=getattr(args, "engine", "mkdocs"), site_url=site_url
    )
    os.environ["SOURCE_DATE_EPOCH"] = str(settings.epoch)
    return settings


def _say_if_unpublished(settings: Settings) -> None:
    """Once per run: printed pages point nowhere while the site's address is a placeholder."""
    if not settings.published:
        address = "has no address" if settings.site_url == "/" else f"address {settings.site_url} is a placeholder"
        complain(
            f"Note: the site {address}, so the PDFs carry no QR codes or links to it. To add them, give "
            f"the address it is published at: {SITE_URL_VARIABLE}=https://… or --site-url https://…"
        )


def _print_problems(error: ContentError) -> None:
    complain(*error.problems, f"{plural(len(error.problems), 'problem')} found; nothing was written.")


def _could_not_write(error: OSError) -> str:
    """``could not write site/x: No space left on device``, or ``.cache/x: Permission denied``."""
    where = error.filename or "a file"
    reason = error.strerror or str(error)
    return f"could not write {where}: {reason}" if error.errno in _OUT_OF_ROOM else f"{where}: {reason}"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "build"
    from hub import pipeline
    from hub.pipeline.lock import ProjectBusy
    from hub.printing.printer import PdfError
    from hub.render.outputs import OutputPathError
    from hub.site.engines import SiteError

    given = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if given and not getattr(args, "site_url", None):
        try:
            site_address(given)
        except argparse.ArgumentTypeError as error:
            parser.error(f"{SITE_URL_VARIABLE}: {error}")
    settings = settings_for(PROJECT, args)
    try:
        if command == "check":
            library, rendered = pipeline.read_and_render(settings, keep=False)
            say(f"Content is valid: {len(library.entries)} items, {len(rendered.print_jobs)} PDFs to make.")
            return 0
        if command == "star":
            from hub.cli.star import run_star

            code = run_star(settings, args)
            if code == 0:
                _say_if_unpublished(settings)
            return code
        if command == "pack":
            from hub.cli.pack import run_pack

            code = run_pack(settings, args)
            if code == 0:
                _say_if_unpublished(settings)
            return code
        if command == "provenance":
            from hub.cli.provenance import run_provenance

            return run_provenance(settings, args)
        if command == "serve":
            from hub.cli.serve import serve

            return serve(settings, args.host, args.port)
        from hub.cli.progress import terminal_progress

        with terminal_progress() as progress:
            report = pipeline.build(settings, progress, on_wait=complain)
        site = "site/ unchanged" if report.site_skipped else "Built site/"
        say(
            f"{site}: {report.pdfs_rendered} PDFs printed, {report.pdfs_cached} unchanged, "
            f"{report.pages_changed} generated files changed."
        )
        _say_if_unpublished(settings)
        return 0
    except UsageError as error:
        args.fail(str(error))
    except ContentError as error:
        _print_problems(error)
        return 1
    except ProjectBusy as error:
        complain(str(error))
        return 1
    except (PdfError, SiteError, OutputPathError) as error:
        complain(*f"Build failed: {error}".split("\n"), "The previous site/ was left as it was.")
        return 1
    except OSError as error:  # the machine's doing (a full disk, a read-only folder), not a fault to trace
        if command == "check":
            complain(f"Check failed: {error.filename or 'a file'}: {error.strerror or error}")
        elif command in ("pack", "star"):
            complain(f"build.py {command}: {_could_not_write(error)}")
        else:
            complain(f"Build failed: {_could_not_write(error)}", "The previous site/ was left as it was.")
        return 1
    except KeyboardInterrupt:
        complain("Interrupted; the previous site/ was left as it was.")
        return 130
