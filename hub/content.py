"""Read and validate everything under ``content/``: the first stage of the build.

Either every file loads and every reference resolves, and a :class:`Library`
comes back, or :class:`ContentError` is raised with every problem in every file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hub.kinds import KINDS, Kind
from hub.markup import closest, markdown_problems, use_item_pages
from hub.packs import pack_problems
from hub.problems import ContentError, Problem
from hub.schemas import (
    Audit,
    AuthorMarkdown,
    Block,
    Comparison,
    Document,
    Exercise,
    Item,
    Pack,
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
        return list(self._users.get(item_id, []))

    @cached_property
    def _users(self) -> dict[str, list[Entry]]:
        users: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            for named in dict.fromkeys(references(entry.item)):
                users.setdefault(named, []).append(entry)
        for found in users.values():
            found.sort(key=lambda entry: (entry.kind.order, entry.kind.sort_key(entry)))
        return users


def references(item: Item) -> list[str]:
    named = list(item.see_also)
    if isinstance(item, Exercise):
        named += item.scenarios + item.worksheets + item.comparisons
    if isinstance(item, Audit):
        named += [exercise for need in item.needs for exercise in need.exercises]
    if isinstance(item, Comparison):
        named += item.compare_with
    if isinstance(item, Pack):
        named += item.exercises
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
        if value is None or (isinstance(value, str) and not value.strip()):
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


@dataclass(frozen=True)
class _Parsed:
    """A content file that parsed to a set of fields, valid or not: its links and references can be checked."""

    path: str
    id: str
    kind: Kind
    document: YamlDocument


def _content_files(content_dir: Path) -> Iterator[Path]:
    for child in sorted(content_dir.iterdir()):
        if child.is_dir():
            yield from sorted(p for p in child.iterdir() if p.is_file())


def _load_mapping(
    file: Path, display: str, model: type[BaseModel], problems: list[Problem]
) -> tuple[dict, set[str] | None]:
    """The valid entries of a ``name: fields`` file, and every name it gives (``None`` if unreadable)."""
    document, found = load_yaml(file, display)
    problems += found
    if document is None:
        return {}, None
    if not isinstance(document.data, dict):
        problems.append(Problem(display, 1, 1, "", "expected a set of named entries (name: fields)"))
        return {}, None
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
    return loaded, set(document.data)


def load_library(project: Path) -> Library:
    """Load and validate all content of the project at ``project``."""
    content_dir = project / "content"
    problems: list[Problem] = []
    sources, source_names = _load_mapping(content_dir / "sources.yml", "content/sources.yml", Document, problems)
    themes, theme_names = _load_mapping(content_dir / "themes.yml", "content/themes.yml", Theme, problems)
    entries: dict[str, Entry] = {}
    paths_by_id: dict[str, str] = {}
    folders_by_id: dict[str, str | None] = {}  # None: in two folders at once
    parsed: list[_Parsed] = []
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
            folders_by_id[item_id] = None
            continue
        paths_by_id[item_id] = display
        if not _is_valid_id(item_id):
            message = f"file name '{item_id}' is not a valid id: use lower-case words joined by hyphens"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        folders_by_id[item_id] = folder
        document, found = load_yaml(file, display)
        problems += found
        if document is None:
            continue
        if not isinstance(document.data, dict):
            message = f"expected a set of fields (name: value), not {_describe(document.root)}"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        parsed.append(_Parsed(display, item_id, kind, document))
        try:
            item = kind.schema.model_validate(document.data)
        except ValidationError as error:
            problems += validation_problems(error, document, display, kind.schema)
            continue
        entries[item_id] = Entry(item_id, kind, item, display, document.root)
    library = Library(sources, themes, entries)
    problems += check_markdown(parsed, set(folders_by_id))
    problems += check_references(parsed, folders_by_id, source_names, theme_names)
    problems += check_rules(library)
    if problems:
        raise ContentError(problems)
    use_item_pages({entry.id: entry.url for entry in entries.values()})
    return library


def _is_valid_id(text: object) -> bool:
    return isinstance(text, str) and bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= 80


def _problem_at(file: _Parsed, loc: tuple, message: str) -> Problem:
    node, walked = _node_at(file.document.root, loc)
    return Problem(file.path, node.start_mark.line + 1, node.start_mark.column + 1, field_path(walked), message)


# --- links and images in author Markdown -------------------------------------


def check_markdown(parsed: list[_Parsed], item_ids: set[str]) -> list[Problem]:
    """Images and links that go nowhere, in every Markdown field, found where they were written."""
    problems = []
    for file in parsed:
        for loc, text in markdown_values(file.kind.schema, file.document.data):
            found = markdown_problems(text, item_ids)
            if not found:
                continue
            node, walked = _node_at(file.document.root, loc)
            seen: dict[str, int] = {}
            for problem in found:
                seen[problem.written] = seen.get(problem.written, -1) + 1
                line, column = _locate(file.document.text, node, problem.written, seen[problem.written])
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
        arm = _arm_for(args, data)
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


def _arm_for(arms: tuple, data: object) -> object:
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


def _locate(source: str, node: Node, written: str, occurrence: int) -> tuple[int, int]:
    """Line and column of the ``occurrence``-th ``written`` inside ``node``'s source; the node's start if absent."""
    start, end = node.start_mark.index, node.end_mark.index
    segment = source[start:end]
    for needle in (f"({written}", f"<{written}", written):
        positions = [match.start() for match in re.finditer(re.escape(needle), segment)]
        if len(positions) > occurrence:
            index = start + positions[occurrence] + (len(needle) - len(written))
            line_start = source.rfind("\n", 0, index) + 1
            return source.count("\n", 0, index) + 1, index - line_start + 1
    return node.start_mark.line + 1, node.start_mark.column + 1


# --- cross-references and rules beyond one field -------------------------------


def _hint(name: str, pool: list[str]) -> str:
    guess = closest(name, pool)
    return f"; did you mean '{guess}'?" if guess else ""


def _ids_in(data: object, loc: tuple) -> Iterator[tuple[tuple, str]]:
    """The well-formed ids in the list at ``loc`` (malformed ones are the schema's to report)."""
    value: object = data
    for part in loc:
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        for index, target in enumerate(value):
            if _is_valid_id(target):
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
        for loc, target in _ids_in(data, ("comparisons",)):
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
            if _is_valid_id(after):
                yield ("breaks", index, "after"), "exercise", "exercises", after


def check_references(
    parsed: list[_Parsed],
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
        if source_names is not None and _is_valid_id(document) and document not in source_names:
            hint = _hint(str(document), sorted(source_names))
            problems.append(_problem_at(file, ("source", "document"), f"unknown source document '{document}'{hint}"))
        for loc, theme in _ids_in(data, ("themes",)):
            if theme_names is not None and theme not in theme_names:
                hint = _hint(theme, sorted(theme_names))
                message = f"unknown theme '{theme}'{hint} (themes are listed in content/themes.yml)"
                problems.append(_problem_at(file, loc, message))
        for loc, what, folder, target in _item_references(file.kind, data):
            in_folder = folders_by_id.get(target)
            if target not in folders_by_id or (folder and in_folder and in_folder != folder):
                pool = sorted(i for i, f in folders_by_id.items() if not folder or f == folder)
                hint = f" (it is in content/{in_folder}/)" if in_folder else _hint(target, pool)
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
        file = _Parsed(entry.path, entry.id, entry.kind, YamlDocument(None, entry.root))
        if isinstance(item, Exercise):
            if item.number in exercise_numbers:
                message = f"exercise number {item.number} is also used by {exercise_numbers[item.number]}"
                problems.append(_problem_at(file, ("number",), message))
            exercise_numbers.setdefault(item.number, entry.path)
        if isinstance(item, Pack):
            problems += [_problem_at(file, loc, message) for loc, message in pack_problems(item, library)]
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
