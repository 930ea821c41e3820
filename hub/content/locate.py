"""Where in a YAML file a problem is: pydantic's error locations turned into ``path:line:col: field: message``."""

from __future__ import annotations

import re
from typing import get_args

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hub.content.characters import field_name, printable
from hub.content.yamlload import YamlDocument
from hub.problems import Problem
from hub.words import did_you_mean


def node_at(root: Node, loc: tuple[str | int, ...]) -> tuple[Node, list[str | int]]:
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


def field_path(walked: list[str | int] | tuple) -> str:
    """``['instructions', 2, 'text']`` → ``instructions[3].text`` (entries count from 1)."""
    return field_name(tuple(walked))


def describe(node: Node) -> str:
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
        hint = did_you_mean(name, schema_fields)
        return f"unknown field '{printable(name)}'{hint}"
    if kind in ("string_type", "string_too_short"):
        if value is None or (isinstance(value, str) and not value.strip()):
            return "must not be empty"
        return f"expected text, not {describe(node)}"
    if kind == "string_pattern_mismatch":
        shown = value if len(value) <= 80 else value[:77] + "..."
        return f"'{printable(shown)}' is not a valid id: use lower-case words joined by hyphens, like 'culture-star'"
    if kind == "list_type":
        return f"expected a list, not {describe(node)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a set of fields (name: value), not {describe(node)}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entr{'y' if ctx.get('min_length') == 1 else 'ies'}"
    if kind == "too_long":
        actual = ctx.get("actual_length")
        has = f"has {actual:,} entries" if isinstance(actual, int) else "has too many entries"
        return f"{has}; at most {ctx.get('max_length'):,} are allowed"
    if kind == "string_too_long":
        length = f"is {len(value):,} characters long" if isinstance(value, str) else "is too long"
        return f"{length}; at most {ctx.get('max_length'):,} are allowed, so shorten it"
    if kind == "value_error":
        return printable(str(ctx.get("error", error["msg"])))
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
        hint = did_you_mean(str(ctx.get("tag")), expected)
        return f"unknown block type '{printable(str(ctx.get('tag')))}'{hint} (expected one of: {', '.join(expected)})"
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
        node, walked = node_at(document.root, loc)
        if detail["type"] == "extra_forbidden":
            parent, walked = node_at(document.root, loc[:-1])
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


def locate_text(source: str, node: Node, written: str, occurrence: int) -> tuple[int, int]:
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
