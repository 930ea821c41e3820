"""Read and validate everything under ``content/``: the first stage of the build.

Either every file loads and every reference resolves, and a :class:`Library`
comes back, or :class:`ContentError` is raised with every problem in every file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hub.kinds import KINDS, Kind
from hub.problems import ContentError, Problem
from hub.schemas import (
    Audit,
    Block,
    Comparison,
    Document,
    Exercise,
    Item,
    TableBlock,
    Theme,
)
from hub.yamlload import YamlDocument, load_yaml


@dataclass
class Entry:
    """One content item with where it came from."""

    id: str
    kind: Kind
    item: Item
    path: str
    root: Node = field(repr=False)

    @property
    def url(self) -> str:
        return f"{self.kind.folder}/{self.id}/"


@dataclass
class Library:
    sources: dict[str, Document]
    themes: dict[str, Theme]
    entries: dict[str, Entry]

    def of_kind(self, kind: Kind) -> list[Entry]:
        found = [entry for entry in self.entries.values() if entry.kind is kind]
        return sorted(found, key=kind.sort_key)

    def used_by(self, item_id: str) -> list[Entry]:
        """Items that name ``item_id`` in their scenarios, worksheets, exercises or see_also."""
        users = [entry for entry in self.entries.values() if item_id in references(entry.item)]
        return sorted(users, key=lambda entry: (entry.kind.order, entry.kind.sort_key(entry)))


def references(item: Item) -> list[str]:
    named = list(item.see_also)
    if isinstance(item, Exercise):
        named += item.scenarios + item.worksheets
    if isinstance(item, Audit):
        named += [exercise for need in item.needs for exercise in need.exercises]
    if isinstance(item, Comparison):
        named += item.compare_with
    return named


# --- locating problems in the YAML node tree ---------------------------------


def _node_at(root: Node, loc: tuple[str | int, ...]) -> tuple[Node, list[str | int]]:
    """Follow ``loc`` through the node tree; return the deepest node and the path walked."""
    node, walked = root, []
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = [(k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part]
            if match:
                node = match[0][1]
                walked.append(part)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            walked.append(part)
    return node, walked


def _key_node(mapping: Node, key: str) -> Node | None:
    if isinstance(mapping, MappingNode):
        for key_node, _ in mapping.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return key_node
    return None


def field_path(walked: list[str | int]) -> str:
    """``['instructions', 2, 'text']`` → ``instructions[3].text`` (entries count from 1)."""
    text = ""
    for part in walked:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a set of fields"
    if isinstance(node, SequenceNode):
        return "a list"
    return "text"


def _message(error: dict, node: Node, schema_fields: list[str]) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        guess = difflib.get_close_matches(name, schema_fields, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"unknown field '{name}'{hint}"
    if kind in ("string_type", "string_too_short"):
        if value is None or value == "":
            return "must not be empty"
        return f"expected text, not {_describe(node)}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id: use lower-case words joined by hyphens, like 'culture-star'"
    if kind == "list_type":
        return f"expected a list, not {_describe(node)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a set of fields (name: value), not {_describe(node)}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entr{'y' if ctx.get('min_length') == 1 else 'ies'}"
    if kind == "too_long":
        return f"has more than {ctx.get('max_length')} entries"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()))
        words = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }
        return f"must be {words[kind]} {bound}"
    if kind == "union_tag_invalid":
        expected = [tag.strip("'") for tag in str(ctx.get("expected_tags", "")).split(", ")]
        guess = difflib.get_close_matches(str(ctx.get("tag")), expected, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"unknown block type '{ctx.get('tag')}'{hint} (expected one of: {', '.join(expected)})"
    if kind == "union_tag_not_found":
        return "a block needs a 'type' field (text, quote, list, definitions, table, worksheet or questions)"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}"
    return error["msg"][0].lower() + error["msg"][1:]


_TEXT_BRANCHES = ("str", "constrained-str", "function-")


def _union_branch(root: Node, loc: tuple) -> tuple[str, Node] | None:
    """The union branch named in ``loc`` (a part that is not a field of the YAML), if any."""
    node = root
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            child = [v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part]
            if not child:
                return part, node
            node = child[0]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        elif isinstance(part, str):
            return part, node
    return None


def _pick_union_branch(errors: list[dict], root: Node) -> list[dict]:
    """Where a value may be text or a set of fields, report only the branch the author wrote."""
    kept = []
    for error in errors:
        branch = _union_branch(root, tuple(error["loc"]))
        if branch and error["type"] != "extra_forbidden":
            name, node = branch
            if isinstance(node, ScalarNode) != name.startswith(_TEXT_BRANCHES):
                continue
        kept.append(error)
    return kept or errors


def validation_problems(
    error: ValidationError, document: YamlDocument, path: str, schema: type[BaseModel]
) -> list[Problem]:
    problems = []
    for detail in _pick_union_branch(error.errors(), document.root):
        loc = tuple(detail["loc"])
        node, walked = _node_at(document.root, loc)
        if detail["type"] == "extra_forbidden":
            parent, walked = _node_at(document.root, loc[:-1])
            node = _key_node(parent, str(loc[-1])) or parent
            walked.append(str(loc[-1]))
        elif detail["type"] == "missing":
            walked.append(str(loc[-1]))
        fields = _schema_fields(schema, walked[:-1]) if detail["type"] == "extra_forbidden" else []
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        problems.append(Problem(path, line, column, field_path(walked), _message(detail, node, fields)))
    return sorted(set(problems))


def _schema_fields(schema: type[BaseModel], walked: list[str | int]) -> list[str]:
    """Names of the fields allowed at ``walked``, for "did you mean" hints."""
    current: object = schema
    for part in walked:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = _model_in(current.model_fields[part].annotation)
        else:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    if isinstance(current, list):
        return sorted({name for model in current for name in model.model_fields})
    return []


def _model_in(annotation: object) -> object:
    """The model (or models, for a union of blocks) inside ``list[...]``/``X | None``."""
    from typing import get_args

    models: list[type[BaseModel]] = []
    pending = [annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            models.append(current)
        else:
            pending.extend(get_args(current))
    if len(models) == 1:
        return models[0]
    return models or None


# --- the stage ---------------------------------------------------------------


def _content_files(content_dir: Path) -> Iterator[Path]:
    for child in sorted(content_dir.iterdir()):
        if child.is_dir():
            yield from sorted(p for p in child.iterdir() if p.is_file())


def _load_mapping(file: Path, display: str, model: type[BaseModel], problems: list[Problem]) -> dict:
    document, found = load_yaml(file, display)
    problems += found
    if document is None:
        return {}
    if not isinstance(document.data, dict):
        problems.append(Problem(display, 1, 1, "", "expected a set of named entries (name: fields)"))
        return {}
    loaded = {}
    for key, value in document.data.items():
        try:
            loaded[key] = model.model_validate(value)
        except ValidationError as error:
            shifted = YamlDocument(document.data, _node_at(document.root, (key,))[0])
            for problem in validation_problems(error, shifted, display, model):
                problems.append(
                    Problem(
                        problem.path,
                        problem.line,
                        problem.column,
                        f"{key}.{problem.field}".rstrip("."),
                        problem.message,
                    )
                )
    return loaded


def load_library(project: Path) -> Library:
    """Load and validate all content of the project at ``project``."""
    content_dir = project / "content"
    problems: list[Problem] = []
    sources = _load_mapping(content_dir / "sources.yml", "content/sources.yml", Document, problems)
    themes = _load_mapping(content_dir / "themes.yml", "content/themes.yml", Theme, problems)
    entries: dict[str, Entry] = {}
    paths_by_id: dict[str, str] = {}
    failed_ids: set[str] = set()
    for file in _content_files(content_dir):
        display = file.relative_to(project).as_posix()
        folder = file.parent.name
        if file.suffix != ".yml":
            if file.name.startswith(".") or file.suffix in (".md",):
                continue
            problems.append(Problem(display, 1, 1, "", "content files must end in .yml"))
            continue
        kind = KINDS.get(folder)
        if kind is None:
            known = ", ".join(sorted(KINDS))
            problems.append(Problem(display, 1, 1, "", f"unknown content folder '{folder}' (expected one of: {known})"))
            continue
        item_id = file.stem
        if item_id in paths_by_id:
            message = f"id '{item_id}' is already used by {paths_by_id[item_id]}; ids must be unique"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        paths_by_id[item_id] = display
        if not _is_valid_id(item_id):
            message = f"file name '{item_id}' is not a valid id: use lower-case words joined by hyphens"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        failed_ids.add(item_id)
        document, found = load_yaml(file, display)
        problems += found
        if document is None:
            continue
        if not isinstance(document.data, dict):
            message = f"expected a set of fields (name: value), not {_describe(document.root)}"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        try:
            item = kind.schema.model_validate(document.data)
        except ValidationError as error:
            problems += validation_problems(error, document, display, kind.schema)
            continue
        failed_ids.discard(item_id)
        entries[item_id] = Entry(item_id, kind, item, display, document.root)
    library = Library(sources, themes, entries)
    if sources and themes:
        problems += check_references(library, failed_ids)
    if problems:
        raise ContentError(problems)
    return library


def _is_valid_id(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= 80


# --- cross-references and rules beyond one field -------------------------------


class _Reporter:
    """Collects problems for one entry, located by a path through its YAML."""

    def __init__(self, entry: Entry, problems: list[Problem], unchecked: set[str]) -> None:
        self.entry = entry
        self.problems = problems
        self.unchecked = unchecked

    def __call__(self, loc: tuple, message: str) -> None:
        node, walked = _node_at(self.entry.root, loc)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(self.entry.path, line, column, field_path(walked), message))


def _hint(name: str, pool: list[str]) -> str:
    guess = difflib.get_close_matches(name, pool, n=1)
    return f"; did you mean '{guess[0]}'?" if guess else ""


def _check_ids(library: Library, report: _Reporter, what: str, ids: list[str], folder: str | None, loc: tuple) -> None:
    for index, target in enumerate(ids):
        found = library.entries.get(target)
        if found is None and target in report.unchecked:
            continue
        if found is None or (folder and found.kind.folder != folder):
            pool = [e.id for e in library.entries.values() if not folder or e.kind.folder == folder]
            report((*loc, index), f"unknown {what} '{target}'{_hint(target, pool)}")
        elif target == report.entry.id:
            report((*loc, index), "an item cannot refer to itself")


def check_references(library: Library, unchecked: set[str]) -> list[Problem]:
    """Problems in what items refer to; ids of files that failed to load are not reported as unknown."""
    problems: list[Problem] = []
    exercise_numbers: dict[int, str] = {}
    for entry in library.entries.values():
        report = _Reporter(entry, problems, unchecked)
        item = entry.item
        if item.source.document not in library.sources:
            hint = _hint(item.source.document, list(library.sources))
            report(("source", "document"), f"unknown source document '{item.source.document}'{hint}")
        for index, theme in enumerate(item.themes):
            if theme not in library.themes:
                hint = _hint(theme, list(library.themes))
                report(("themes", index), f"unknown theme '{theme}'{hint} (themes are listed in content/themes.yml)")
        _check_ids(library, report, "item", item.see_also, None, ("see_also",))
        if isinstance(item, Exercise):
            _check_ids(library, report, "scenario", item.scenarios, "scenarios", ("scenarios",))
            _check_ids(library, report, "worksheet", item.worksheets, "worksheets", ("worksheets",))
            if item.number in exercise_numbers:
                report(("number",), f"exercise number {item.number} is also used by {exercise_numbers[item.number]}")
            exercise_numbers.setdefault(item.number, entry.path)
        if isinstance(item, Audit):
            for index, need in enumerate(item.needs):
                _check_ids(library, report, "exercise", need.exercises, "exercises", ("needs", index, "exercises"))
        if isinstance(item, Comparison):
            _check_ids(library, report, "comparison", item.compare_with, "comparisons", ("compare_with",))
            _check_table(item.table, ("table",), report)
        for loc, block in _blocks(item):
            if isinstance(block, TableBlock):
                _check_table(block, loc, report)
    return problems


def _blocks(item: Item) -> Iterator[tuple[tuple, Block]]:
    for name in ("training_materials", "body"):
        for index, block in enumerate(getattr(item, name, [])):
            yield (name, index), block


def _check_table(table: TableBlock, loc: tuple, report: _Reporter) -> None:
    width = len(table.header)
    for index, row in enumerate(table.rows):
        if len(row) != width:
            report((*loc, "rows", index), f"row has {len(row)} cells but the header has {width}")
