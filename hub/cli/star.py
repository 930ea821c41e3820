"""`build.py star`: the culture star filled in from one reading, or two overlaid, with a table of the numbers.

``python build.py star --ratings values=6,identity=4,... -o star.pdf``.  Unknown
points and out-of-range scores on the command line are usage errors (exit 2)
that say what was meant; problems in a ratings file are reported like content
problems (exit 1).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from hub.cli.arguments import pdf_output
from hub.cli.say import complain, say
from hub.content.characters import font_coverage, why_unprintable
from hub.content.ratings import read_ratings
from hub.content.schemas import CultureStar
from hub.model.star import MAX_READINGS, STAR_ID, Reading, star_sheet
from hub.settings import Settings
from hub.words import did_you_mean

DEFAULT_LABELS = ("First reading", "Second reading")
_SCORE = re.compile(r"\d+(\.\d+)?")


class RatingsError(Exception):
    """Ratings on the command line that cannot be drawn; each message says what to change."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def check_score(key: str, text: str, scale_max: int) -> tuple[float | None, str | None]:
    """The score written as ``text``, or why it is not one."""
    text = text.strip()
    if _SCORE.fullmatch(text):
        value = float(text)
        if 1 <= value <= scale_max:
            return value, None
    return None, f"the score for '{key}' must be a number from 1 to {scale_max}, not '{text}'"


def _unknown_key(key: str, keys: list[str]) -> str:
    return f"unknown point '{key}'{did_you_mean(key, keys, cutoff=0.5)} (the points are: {', '.join(keys)})"


def _missing(found: dict[str, float], keys: list[str]) -> str | None:
    missing = [key for key in keys if key not in found]
    if not missing:
        return None
    return f"no score for {', '.join(missing)}: every point of the star needs a score"


def parse_ratings(text: str, star: CultureStar, option: str = "--ratings") -> dict[str, float]:
    """``values=6,identity=4,...`` → scores by key, every point given once, each from 1 to ``scale_max``."""
    keys = [point.key for point in star.points]
    scores: dict[str, float] = {}
    problems: list[str] = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        key, equals, value = part.partition("=")
        key = key.strip()
        if not equals:
            problems.append(
                f"{option}: expected point=score pairs separated by commas, like values=6,identity=4; got '{part}'"
            )
            continue
        if key not in keys:
            problems.append(f"{option}: {_unknown_key(key, keys)}")
            continue
        if key in scores:
            problems.append(f"{option}: '{key}' is given more than once")
            continue
        score, problem = check_score(key, value, star.scale_max)
        if problem:
            problems.append(f"{option}: {problem}")
        else:
            scores[key] = score
    if not problems and (missing := _missing(scores, keys)):
        problems.append(f"{option}: {missing}")
    if problems:
        raise RatingsError(problems)
    return scores


def gather_readings(
    args: argparse.Namespace, star: CultureStar, covered: frozenset[int] | None = None
) -> tuple[str | None, list[Reading]]:
    """The one or two readings the command line asks for, labelled."""
    problems: list[str] = []
    title: str | None = None
    readings: list[Reading] = []
    for option, spec, file in (
        ("--ratings", args.ratings, args.ratings_file),
        ("--compare", args.compare, args.compare_file),
    ):
        if spec is not None and file is not None:
            problems.append(f"give {option} or {option}-file, not both")
            continue
        try:
            if spec is not None:
                readings.append(Reading("", parse_ratings(spec, star, option)))
            elif file is not None:
                if not Path(file).is_file():
                    raise RatingsError([f"{option}-file: cannot read {file}: no such file"])
                found = read_ratings(Path(file), str(file), star_sheet(star))
                title = title or found.title
                readings += [Reading(label, scores) for label, scores in found.readings]
        except RatingsError as error:
            problems += error.messages
    if not problems and not readings:
        problems.append("give the scores with --ratings values=6,identity=4,... or --ratings-file FILE")
    if not problems and len(readings) > MAX_READINGS:
        problems.append("at most two readings can be drawn; the ratings file already holds two, so leave out --compare")
    if (args.ratings is None and args.ratings_file is None) and (args.compare or args.compare_file):
        problems.append("--compare needs --ratings or --ratings-file for the first reading")
    if problems:
        raise RatingsError(problems)
    labels = [args.label, args.compare_label]
    named = []
    for index, reading in enumerate(readings):
        label = labels[index] or reading.label or (DEFAULT_LABELS[index] if len(readings) > 1 else "Score")
        named.append(Reading(label, reading.scores))
    title = args.title or title
    given = [("--title" if args.title else "the ratings file's title", title)]
    for index, (option, reading) in enumerate(zip(("--label", "--compare-label"), named, strict=False)):
        given.append((option if labels[index] else f"the label of reading {index + 1}", reading.label))
    unprintable = [f"{where}: {problem}" for where, text in given if (problem := why_unprintable(text or "", covered))]
    if unprintable:
        raise RatingsError(unprintable)
    return title, named


# --- the command ----------------------------------------------------------------


def add_star_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ratings", metavar="POINT=SCORE,...", help="scores for every point, e.g. values=6,identity=4")
    parser.add_argument("--ratings-file", metavar="FILE", help="a YAML file of scores (or of title: and readings:)")
    parser.add_argument("--compare", metavar="POINT=SCORE,...", help="a second reading to overlay, e.g. staff scores")
    parser.add_argument("--compare-file", metavar="FILE", help="the second reading as a YAML file")
    parser.add_argument("--label", help="what the first reading is, e.g. Manager or Before")
    parser.add_argument("--compare-label", help="what the second reading is, e.g. Staff or After")
    parser.add_argument("--title", help="a title for the sheet, e.g. 'Our team, May 2026'")
    parser.add_argument("-o", "--output", type=pdf_output, required=True, metavar="PDF", help="where to write the PDF")


def _usage_error(messages: list[str]) -> int:
    complain(*(f"build.py star: error: {message}" for message in messages))
    return 2


def run_star(settings: Settings, args: argparse.Namespace) -> int:
    """Validate content and ratings, then print the filled star to ``args.output``."""
    from hub.pipeline import print_one, read
    from hub.render.formats.filled_star import filled_star

    output = args.output
    model = read(settings)
    entry = model.library.entries.get(STAR_ID)
    if entry is None or not isinstance(entry.item, CultureStar):
        return _usage_error([f"there is no culture star: content/stars/{STAR_ID}.yml is missing"])
    try:
        title, readings = gather_readings(args, entry.item, font_coverage(settings.paths.project))
    except RatingsError as error:
        return _usage_error(error.messages)
    print_one(settings, model, filled_star(entry, readings, title, f"the filled culture star ({output})"), output)
    shown = " and ".join(reading.label for reading in readings) if len(readings) > 1 else "one reading"
    say(f"Wrote {output}: the culture star filled in with {shown}.")
    return 0
