"""Read and validate everything under ``content/``: the first stage of the build.

Either every file loads and every reference resolves, and a :class:`Library`
comes back, or :class:`ContentError` is raised with every problem in every file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from hub.content.kinds import KINDS
from hub.content.library import Entry, Library
from hub.content.locate import describe, node_at, validation_problems
from hub.content.rules import Parsed, check_markdown, check_references, check_rules, is_valid_id
from hub.content.schemas import Document, Theme
from hub.content.yamlload import YamlDocument, load_yaml
from hub.problems import ContentError, Problem


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
            shifted = YamlDocument(document.data, node_at(document.root, (key,))[0])
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
    parsed: list[Parsed] = []
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
        if not is_valid_id(item_id):
            message = f"file name '{item_id}' is not a valid id: use lower-case words joined by hyphens"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        folders_by_id[item_id] = folder
        document, found = load_yaml(file, display)
        problems += found
        if document is None:
            continue
        if not isinstance(document.data, dict):
            message = f"expected a set of fields (name: value), not {describe(document.root)}"
            problems.append(Problem(display, 1, 1, "", message))
            continue
        parsed.append(Parsed(display, item_id, kind, document))
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
    return library
