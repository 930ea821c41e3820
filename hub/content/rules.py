"""Checks that span fields and files: links in author Markdown, cross-references, and rules beyond one field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from hub.content.fields import AuthorMarkdown
from hub.content.handing_out import hand_out_problems
from hub.content.kinds import Kind
from hub.content.library import Library
from hub.content.links import markdown_problems
from hub.content.locate import field_path, locate_text, node_at
from hub.content.packs import pack_problems
from hub.content.references import reference_problems
from hub.content.schemas import Audit, Block, Comparison, Exercise, Item, Pack, TableBlock
from hub.content.yamlload import YamlDocument
from hub.problems import Problem
from hub.words import did_you_mean


@dataclass(frozen=True)
class Parsed:
    """A content file that parsed to a set of fields, valid or not: its links and references can be checked."""

    path: str
    id: str
    kind: Kind
    document: YamlDocument


def is_valid_id(text: object) -> bool:
    return isinstance(text, str) and bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= 80


def _problem_at(file: Parsed, loc: tuple, message: str) -> Problem:
    node, walked = node_at(file.document.root, loc)
    return Problem(file.path, node.start_mark.line + 1, node.start_mark.column + 1, field_path(walked), message)


# --- links and images in author Markdown -------------------------------------


def check_markdown(parsed: list[Parsed], item_ids: set[str]) -> list[Problem]:
    """Images and links that go nowhere, in every Markdown field, found where they were written."""
    problems = []
    for file in parsed:
        for loc, text in markdown_values(file.kind.schema, file.document.data):
            found = markdown_problems(text, item_ids)
            if not found:
                continue
            node, walked = node_at(file.document.root, loc)
            seen: dict[str, int] = {}
            for problem in found:
                seen[problem.written] = seen.get(problem.written, -1) + 1
                line, column = locate_text(file.document.text, node, problem.written, seen[problem.written])
                problems.append(Problem(file.path, line, column, field_path(walked), problem.message))
    return problems


def markdown_values(schema: object, data: object, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in ``data`` that ``schema`` says is author Markdown, with its path; ``data`` may be invalid."""
    origin, args = get_origin(schema), get_args(schema)
    if origin is Annotated:
        if any(isinstance(mark, AuthorMarkdown) for mark in args[1:]):
            if isinstance(data, str):
                yield loc, data
            return
        yield from markdown_values(args[0], data, loc)
    elif origin in (Union, UnionType):
        arm = arm_for(args, data)
        if arm is not None:
            yield from markdown_values(arm, data, loc)
    elif origin is list and isinstance(data, list):
        for index, value in enumerate(data):
            yield from markdown_values(args[0], value, (*loc, index))
    elif isinstance(schema, type) and issubclass(schema, BaseModel) and isinstance(data, dict):
        for name, info in schema.model_fields.items():
            if name in data:
                annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
                yield from markdown_values(annotation, data[name], (*loc, name))


def arm_for(arms: tuple, data: object) -> object:
    """The arm of a union that ``data`` was written for: text, a list, or the block whose ``type`` it names."""
    for arm in arms:
        base = get_args(arm)[0] if get_origin(arm) is Annotated else arm
        if isinstance(data, str) and base is str:
            return arm
        if isinstance(data, list) and get_origin(base) is list:
            return arm
        if isinstance(data, dict) and isinstance(base, type) and issubclass(base, BaseModel):
            tag = base.model_fields.get("type")
            if tag is None or data.get("type") in get_args(tag.annotation):
                return arm
    return None


# --- cross-references and rules beyond one field -------------------------------


def _ids_in(data: object, loc: tuple, field: str | None = None) -> Iterator[tuple[tuple, str]]:
    """The well-formed ids in the list at ``loc`` (malformed ones are the schema's to report); with ``field``,
    an entry may also be a mapping that holds its id in that field."""
    value: object = data
    for part in loc:
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        for index, target in enumerate(value):
            if field and isinstance(target, dict) and is_valid_id(target.get(field)):
                yield (*loc, index, field), target[field]
            elif is_valid_id(target):
                yield (*loc, index), target


def _item_references(kind: Kind, data: object) -> Iterator[tuple[tuple, str, str | None, str]]:
    """``(where, what, folder it must be in, id)`` for each item that an item's YAML names."""
    for loc, target in _ids_in(data, ("see_also",)):
        yield loc, "item", None, target
    schema = kind.schema
    if issubclass(schema, Exercise):
        for loc, target in _ids_in(data, ("scenarios",)):
            yield loc, "scenario", "scenarios", target
        for loc, target in _ids_in(data, ("worksheets",)):
            yield loc, "worksheet", "worksheets", target
        for loc, target in _ids_in(data, ("comparisons",), "comparison"):
            yield loc, "comparison", "comparisons", target
    if issubclass(schema, Audit) and isinstance(data, dict) and isinstance(data.get("needs"), list):
        for index, _ in enumerate(data["needs"]):
            for loc, target in _ids_in(data, ("needs", index, "exercises")):
                yield loc, "exercise", "exercises", target
    if issubclass(schema, Comparison):
        for loc, target in _ids_in(data, ("compare_with",)):
            yield loc, "comparison", "comparisons", target
    if issubclass(schema, Pack):
        for loc, target in _ids_in(data, ("exercises",)):
            yield loc, "exercise", "exercises", target
        breaks = data.get("breaks") if isinstance(data, dict) else None
        for index, pause in enumerate(breaks if isinstance(breaks, list) else []):
            after = pause.get("after") if isinstance(pause, dict) else None
            if is_valid_id(after):
                yield ("breaks", index, "after"), "exercise", "exercises", after


def check_references(
    parsed: list[Parsed],
    folders_by_id: dict[str, str | None],
    source_names: set[str] | None,
    theme_names: set[str] | None,
) -> list[Problem]:
    """Unknown sources, themes and items named by any file that parsed, valid or not.

    Names are checked against every file present, loaded or not, so a file that
    fails to load is reported once, by itself, and not again by the items that
    name it.  If sources.yml or themes.yml cannot be read, names in them are not checked.
    """
    problems: list[Problem] = []
    for file in parsed:
        data = file.document.data
        source = data.get("source") if isinstance(data, dict) else None
        document = source.get("document") if isinstance(source, dict) else None
        if source_names is not None and is_valid_id(document) and document not in source_names:
            hint = did_you_mean(str(document), sorted(source_names), ids=True)
            problems.append(_problem_at(file, ("source", "document"), f"unknown source document '{document}'{hint}"))
        for loc, theme in _ids_in(data, ("themes",)):
            if theme_names is not None and theme not in theme_names:
                hint = did_you_mean(theme, sorted(theme_names), ids=True)
                message = f"unknown theme '{theme}'{hint} (themes are listed in content/themes.yml)"
                problems.append(_problem_at(file, loc, message))
        for loc, what, folder, target in _item_references(file.kind, data):
            in_folder = folders_by_id.get(target)
            if target not in folders_by_id or (folder and in_folder and in_folder != folder):
                pool = sorted(i for i, f in folders_by_id.items() if not folder or f == folder)
                hint = f" (it is in content/{in_folder}/)" if in_folder else did_you_mean(target, pool, ids=True)
                problems.append(_problem_at(file, loc, f"unknown {what} '{target}'{hint}"))
            elif target == file.id:
                problems.append(_problem_at(file, loc, "an item cannot refer to itself"))
    return problems


def check_rules(library: Library) -> list[Problem]:
    """Rules across fields of valid items: exercise numbers are unique, table rows match their header."""
    problems: list[Problem] = []
    exercise_numbers: dict[int, str] = {}
    for entry in library.entries.values():
        item = entry.item
        file = Parsed(entry.path, entry.id, entry.kind, YamlDocument(None, entry.root))
        if isinstance(item, Exercise):
            if item.number in exercise_numbers:
                message = f"exercise number {item.number} is also used by {exercise_numbers[item.number]}"
                problems.append(_problem_at(file, ("number",), message))
            exercise_numbers.setdefault(item.number, entry.path)
        if isinstance(item, Pack):
            problems += [_problem_at(file, loc, message) for loc, message in pack_problems(item, library)]
        problems += [_problem_at(file, loc, message) for loc, message in hand_out_problems(item)]
        problems += [_problem_at(file, loc, message) for loc, message in reference_problems(item, library)]
        tables = [(loc, block) for loc, block in _blocks(item) if isinstance(block, TableBlock)]
        if isinstance(item, Comparison):
            tables.insert(0, (("table",), item.table))
        for loc, table in tables:
            width = len(table.header)
            for index, row in enumerate(table.rows):
                if len(row) != width:
                    message = f"row has {len(row)} cells but the header has {width}"
                    problems.append(_problem_at(file, (*loc, "rows", index), message))
    return problems


def _blocks(item: Item) -> Iterator[tuple[tuple, Block]]:
    for name in ("training_materials", "body"):
        for index, block in enumerate(getattr(item, name, [])):
            yield (name, index), block
