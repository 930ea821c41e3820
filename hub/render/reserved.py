"""Ids that would collide with a file the site makes itself, refused when content is checked.

What is reserved is worked out from the formats, not listed by hand: every name a
format declares it may write whatever the content (``index``, ``page``,
``catalogue-data``, ``plan``), every part of the paths of the outputs that are the
site's own rather than one item's (``themes``, ``sources``, ``pdf``, the card decks'
``cards-…``), and any path that two outputs would both be written to (an item whose
id ends ``-facilitator`` beside an exercise of the same stem).  An item's id is the
name of its file, so each problem is reported at the start of that file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from hub.content.kinds import KINDS
from hub.model import Model
from hub.problems import Problem
from hub.render.outputs import Output


def reserved_names(outputs: Iterable[Output], declared: Iterable[dict[str, str]], model: Model) -> dict[str, str]:
    """Each name no item may take, with an example of the file the site makes under it."""
    names: dict[str, str] = {}
    for reserved in declared:
        for name, example in reserved.items():
            names.setdefault(name, example)
    not_names = {kind.folder for kind in KINDS.values()} | set(model.library.themes)
    for output in outputs:
        if output.source or not output.path:
            continue  # one item's own output, named by its id; or one made to order
        for part in output.path.split("/"):
            stem = part.rsplit(".", 1)[0]
            if stem not in not_names and not stem.isdigit():
                names.setdefault(stem, output.path)
    return names


def _to_blame(sharing: list[Output]) -> list[Output]:
    """Of outputs that share a path, those of the items to rename: whose id is the whole name of the file
    (``x-facilitator``, not the exercise ``x`` whose handout it also is); else all but the first."""
    items = [output for output in sharing if output.source]
    named = [output for output in items if PurePosixPath(output.path).stem == PurePosixPath(output.source).stem]
    return named or items[1:]


def reserved_id_problems(outputs: list[Output], declared: Iterable[dict[str, str]], model: Model) -> list[Problem]:
    """An item whose id is a reserved name, or whose outputs would overwrite another output."""
    names = reserved_names(outputs, declared, model)
    problems = []
    refused = set()
    for entry in model.library.entries.values():
        if entry.id in names:
            example = names[entry.id].replace("<folder>", entry.kind.folder)
            message = f"the id '{entry.id}' is reserved: the site makes {example} itself; rename the file"
            problems.append(Problem(entry.path, 1, 1, "", message))
            refused.add(entry.path)
    by_path: dict[str, list[Output]] = {}
    for output in outputs:
        if output.path:
            by_path.setdefault(output.path, []).append(output)
    for path, sharing in sorted(by_path.items()):
        if len(sharing) < 2:
            continue
        for output in _to_blame(sharing):
            if output.source in refused:
                continue
            others = ", ".join(other.label for other in sharing if other is not output)
            message = f"its {path} would be overwritten by {others}, which has the same path; rename the file"
            problems.append(Problem(output.source, 1, 1, "", message))
            refused.add(output.source)
    return problems
