"""Ratings files: one reader for the self-assessment's needs and the culture star's points.

A file is ``name: score`` lines, one reading; where a sheet allows several, it may instead
hold ``title:`` and ``readings:``, each reading a ``label:`` and ``scores:``.  Every
problem is a :class:`Problem` (``path:line:col: field: message``), all reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hub.content.characters import printable
from hub.content.yamlload import load_yaml
from hub.problems import ContentError, Problem
from hub.words import did_you_mean

_WHOLE = re.compile(r"[1-9][0-9]*")
_DECIMAL = re.compile(r"\d+(\.\d+)?")


@dataclass(frozen=True)
class ScoreSheet:
    """What a ratings file rates: the names, what one is called, and the scale."""

    names: tuple[str, ...]
    noun: str  # "need", "point"
    top: int
    expected: str  # "a rating from 1 (low) to 5 (high)"
    whole_numbers: bool = True
    max_readings: int = 1
    known_as: str = ""  # how to find the names, shown when no guess can be made

    def score(self, text: str) -> float | None:
        text = text.strip()
        pattern = _WHOLE if self.whole_numbers else _DECIMAL
        if pattern.fullmatch(text) and 1 <= float(text) <= self.top:
            return int(text) if self.whole_numbers else float(text)
        return None


@dataclass(frozen=True)
class RatingsFile:
    title: str | None
    readings: tuple[tuple[str, dict[str, float]], ...]  # (label, scores by name)


def _at(path: str, node: Node, field: str, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, field, message)


def _shown(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return f"'{printable(node.value)}'"
    return "a list" if isinstance(node, SequenceNode) else "a set of fields"


def _scores(node: Node, sheet: ScoreSheet, path: str, prefix: str, problems: list[Problem]) -> dict[str, float]:
    if not isinstance(node, MappingNode):
        message = f"expected each {sheet.noun} with its score ({sheet.noun}: 1 to {sheet.top}), one a line"
        problems.append(_at(path, node, prefix, message))
        return {}
    scores: dict[str, float] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, ScalarNode) else ""
        field = f"{prefix}.{printable(name)}" if prefix else printable(name)
        if name not in sheet.names:
            hint = did_you_mean(name, sheet.names, cutoff=0.5) or sheet.known_as
            problems.append(_at(path, key, field, f"unknown {sheet.noun}{hint}"))
            continue
        score = sheet.score(value.value) if isinstance(value, ScalarNode) else None
        if score is None:
            problems.append(_at(path, value, field, f"expected {sheet.expected}, not {_shown(value)}"))
            continue
        scores[name] = score
    for name in sheet.names:
        if name not in scores and not any(problem.field.endswith(name) for problem in problems):
            field = f"{prefix}.{name}" if prefix else name
            problems.append(_at(path, node, field, f"is not rated; give it {sheet.expected}"))
    return scores


def _readings(root: MappingNode, sheet: ScoreSheet, path: str, problems: list[Problem]) -> RatingsFile:
    fields = {key.value: (key, value) for key, value in root.value if isinstance(key, ScalarNode)}
    title = None
    for name, (key, value) in fields.items():
        if name not in ("title", "readings"):
            hint = did_you_mean(name, ["title", "readings"])
            problems.append(_at(path, key, printable(name), f"unknown field '{printable(name)}'{hint}"))
        elif name == "title":
            if isinstance(value, ScalarNode) and value.value.strip():
                title = value.value.strip()
            else:
                problems.append(_at(path, value, name, "expected a title as text"))
    entries = fields["readings"][1]
    if not isinstance(entries, SequenceNode) or not entries.value:
        problems.append(_at(path, entries, "readings", f"expected a list of 1 to {sheet.max_readings} readings"))
        return RatingsFile(title, ())
    if len(entries.value) > sheet.max_readings:
        extra = entries.value[sheet.max_readings]
        problems.append(_at(path, extra, "readings", f"at most {sheet.max_readings} readings can be drawn"))
    readings = []
    for index, entry in enumerate(entries.value[: sheet.max_readings], start=1):
        where = f"readings[{index}]"
        if not isinstance(entry, MappingNode):
            problems.append(_at(path, entry, where, "expected label: and scores:"))
            continue
        parts = {key.value: (key, value) for key, value in entry.value if isinstance(key, ScalarNode)}
        for name, (key, _) in parts.items():
            if name not in ("label", "scores"):
                hint = did_you_mean(name, ["label", "scores"])
                shown = printable(name)
                problems.append(_at(path, key, f"{where}.{shown}", f"unknown field '{shown}'{hint}"))
        label = ""
        if "label" in parts:
            node = parts["label"][1]
            if isinstance(node, ScalarNode) and node.value.strip():
                label = node.value.strip()
            else:
                problems.append(_at(path, node, f"{where}.label", "expected a label as text"))
        if "scores" not in parts:
            problems.append(_at(path, entry, f"{where}.scores", "required field is missing"))
            continue
        readings.append((label, _scores(parts["scores"][1], sheet, path, f"{where}.scores", problems)))
    return RatingsFile(title, tuple(readings))


def read_ratings(file: Path, display: str, sheet: ScoreSheet) -> RatingsFile:
    """The readings in ``file``, or ContentError with every problem in it."""
    document, problems = load_yaml(file, display)
    if document is None:
        raise ContentError(problems)
    root = document.root
    if not isinstance(root, MappingNode):
        message = f"expected each {sheet.noun} with its score ({sheet.noun}: 1 to {sheet.top}), one a line"
        raise ContentError([_at(display, root, "", message)])
    if sheet.max_readings > 1 and any(isinstance(k, ScalarNode) and k.value == "readings" for k, _ in root.value):
        found = _readings(root, sheet, display, problems)
    else:
        found = RatingsFile(None, (("", _scores(root, sheet, display, "", problems)),))
    if problems:
        raise ContentError(problems)
    return found
