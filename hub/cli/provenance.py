"""`build.py provenance`: list every source-worded string in content/ that is not in the source texts."""

from __future__ import annotations

import argparse
import os

from hub.cli.say import complain, say
from hub.content.load import load_library
from hub.content.provenance import SEEDS_VARIABLE, check, default_seeds, read_sources
from hub.problems import ContentError
from hub.settings import Settings


def add_provenance_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seeds",
        default=None,
        help=f"folder of the source texts (default: ${SEEDS_VARIABLE}, else ../shared/seeds beside the project)",
    )


def run_provenance(settings: Settings, args: argparse.Namespace) -> int:
    project = settings.paths.project
    seeds = default_seeds(project, args.seeds or os.environ.get(SEEDS_VARIABLE))
    try:
        sources = read_sources(seeds)
    except FileNotFoundError as error:
        complain(f"provenance: {error}; give the folder with --seeds or ${SEEDS_VARIABLE}")
        return 2
    try:
        library = load_library(project)
    except ContentError as error:
        complain(*error.problems, f"{len(error.problems)} content problem(s); fix them before checking provenance.")
        return 1
    report = check(library, sources)
    say(*report.problems)
    missing = len(report.problems)
    complain(
        f"{report.checked} source-worded strings checked against {seeds}: "
        f"{missing} not found. {report.hub} strings are marked as the hub's own words."
    )
    return 1 if missing else 0
