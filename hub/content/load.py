"""Read and validate everything under ``content/``: the first stage of the build.

Either every file loads and every reference resolves, and a :class:`Library`
comes back, or :class:`ContentError` is raised with every problem in every file.

What is in ``content/`` is read exactly as the README says, and anything else
is refused by name rather than skipped or followed: ``sources.yml``,
``themes.yml`` and ``README.md`` at the top; in each kind's folder, its items
as plain ``.yml`` files (and README files).  YAML anywhere else, subfolders,
symbolic links, named pipes and folders named like files are each a problem.
Nothing is opened until it is known to be a plain file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError
from yaml.nodes import ScalarNode

from hub.content.characters import font_coverage, printable, unprintable_characters
from hub.content.kinds import KINDS
from hub.content.library import Entry, Library
from hub.content.locate import describe, node_at, validation_problems
from hub.content.rules import Parsed, check_markdown, check_references, check_rules, is_valid_id
from hub.content.schemas import Document, Theme
from hub.content.yamlload import YamlDocument, cannot_read, load_yaml, not_a_file
from hub.problems import ContentError, Problem

TOP_LEVEL_FILES = ("sources.yml", "themes.yml")
DOCUMENTATION = ("README.md",)
YAML_SUFFIXES = (".yml", ".yaml")


def _looks_like_yaml(path: Path) -> bool:
    return path.name.lower().endswith(YAML_SUFFIXES)


MAX_FOLDER_DEPTH = 8  # how deep a stray subfolder is searched for files to name


def _display(project: Path, path: Path) -> str:
    """The path as messages show it: relative to the project, with any unprintable character escaped."""
    return printable(path.relative_to(project).as_posix())


def _link_problem(project: Path, link: Path) -> str:
    """What is wrong with a symbolic link found in content/: every link is refused, saying where it goes."""
    try:
        written = os.readlink(link)
    except OSError:
        written = "?"
    target = link.parent / written
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        where = f"to '{written}', which does not exist"
    else:
        inside = resolved.is_relative_to(project.resolve())
        if resolved.is_dir():
            where = "to a folder"
        elif not inside:
            where = f"to '{written}', outside the project"
        else:
            where = f"to {resolved.relative_to(project.resolve()).as_posix()}"
    return f"this is a symbolic link {where}; content must be in plain files, not links"


def _entries(project: Path, folder: Path, problems: list[Problem]) -> list[tuple[Path, os.stat_result]]:
    """The entries of ``folder`` with what each is (not following links), or a problem if it cannot be read."""
    try:
        children = sorted(folder.iterdir())
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        problems.append(Problem(_display(project, folder), 1, 1, "", f"cannot read this folder ({reason})"))
        return []
    found = []
    for child in children:
        try:
            found.append((child, child.lstat()))
        except OSError as error:
            problems.append(Problem(_display(project, child), 1, 1, "", cannot_read(error)))
    return found


def _ignored(path: Path, found: os.stat_result) -> bool:
    """Hidden plain files that are not YAML (``.gitkeep``, an editor's swap file) are not content."""
    return path.name.startswith(".") and stat.S_ISREG(found.st_mode) and not _looks_like_yaml(path)


def _odd_entry(project: Path, path: Path, found: os.stat_result) -> str | None:
    """Why ``path`` cannot be a content file (a link, a pipe, a folder), or None for a plain file."""
    mode = found.st_mode
    if stat.S_ISLNK(mode):
        return _link_problem(project, path)
    what = not_a_file(mode)
    if what:
        return f"this is {what}, not a file; content must be in plain files"
    if found.st_nlink > 1:  # a hard link: the same file may also be anywhere else on the disk
        return "this file has other names (it is a hard link); content must be in plain files of its own, not links"
    return None


def _stray_files(project: Path, folder: Path, problems: list[Problem], message: str, depth: int = 0) -> None:
    """Name every file under a folder that is not read (hidden ones aside), so that nothing there is lost silently."""
    for path, found in _entries(project, folder, problems):
        if _ignored(path, found):
            continue
        if stat.S_ISDIR(found.st_mode) and depth < MAX_FOLDER_DEPTH:
            _stray_files(project, path, problems, message, depth + 1)
            continue
        problems.append(Problem(_display(project, path), 1, 1, "", message))


def _content_files(project: Path, content_dir: Path, problems: list[Problem]) -> Iterator[Path]:
    """The item files in the kinds' folders; everything else that is there is reported."""
    known = ", ".join(sorted(KINDS))
    for path, found in _entries(project, content_dir, problems):
        display = _display(project, path)
        if path.name in TOP_LEVEL_FILES:
            continue  # read by themselves, with the same checks
        if path.name in DOCUMENTATION and stat.S_ISREG(found.st_mode):
            continue
        if _ignored(path, found):
            continue
        if stat.S_ISDIR(found.st_mode):
            if path.name in KINDS:
                yield from _kind_files(project, path, problems)
            else:
                message = f"unknown content folder '{printable(path.name)}' (expected one of: {known})"
                _stray_files(project, path, problems, message)
            continue
        odd = _odd_entry(project, path, found)
        if odd:
            problems.append(Problem(display, 1, 1, "", odd))
        elif _looks_like_yaml(path):
            message = (
                "YAML files at the top of content/ are not read (only sources.yml and themes.yml are); "
                "put an item in the folder for its kind, such as content/exercises/"
            )
            problems.append(Problem(display, 1, 1, "", message))
        else:
            message = "files at the top of content/ are not read (only sources.yml, themes.yml and README.md are)"
            problems.append(Problem(display, 1, 1, "", message))


def _kind_files(project: Path, folder: Path, problems: list[Problem]) -> Iterator[Path]:
    for path, found in _entries(project, folder, problems):
        display = _display(project, path)
        if _ignored(path, found):
            continue
        hidden = path.name.startswith(".")
        if stat.S_ISDIR(found.st_mode) and not _looks_like_yaml(path):
            where = f"content/{folder.name}/"
            message = f"files in subfolders of {where} are not read; move it into {where} itself, or delete it"
            _stray_files(project, path, problems, message)
            continue
        odd = _odd_entry(project, path, found)
        if odd:
            problems.append(Problem(display, 1, 1, "", odd))
        elif hidden:
            message = "names starting with '.' are hidden and not read; rename the file or delete it"
            problems.append(Problem(display, 1, 1, "", message))
        elif path.name not in DOCUMENTATION:
            yield path


def _top_level_file(project: Path, file: Path, problems: list[Problem]) -> bool:
    """Whether sources.yml or themes.yml is there to be read as a plain file (a problem if it is not)."""
    try:
        found = file.lstat()
    except FileNotFoundError:
        problems.append(Problem(_display(project, file), 1, 1, "", "the file is missing"))
        return False
    except OSError as error:
        problems.append(Problem(_display(project, file), 1, 1, "", cannot_read(error)))
        return False
    odd = _odd_entry(project, file, found)
    if odd:
        problems.append(Problem(_display(project, file), 1, 1, "", odd))
    return odd is None


def _load_mapping(
    project: Path, file: Path, model: type[BaseModel], problems: list[Problem]
) -> tuple[dict, set[str] | None]:
    """The valid entries of a ``name: fields`` file, and every name it gives (``None`` if unreadable).

    The names are used in paths and links, so each must be an id; an entry whose name is not is left out.
    """
    display = _display(project, file)
    if not _top_level_file(project, file, problems):
        return {}, None
    document, found = load_yaml(file, display)
    problems += found
    if document is None:
        return {}, None
    if not isinstance(document.data, dict):
        problems.append(Problem(display, 1, 1, "", "expected a set of named entries (name: fields)"))
        return {}, None
    problems += unprintable_characters(document.root, document.text, display, font_coverage(project))
    keys = {k.value: k for k, _ in document.root.value if isinstance(k, ScalarNode)}
    loaded = {}
    for key, value in document.data.items():
        if not is_valid_id(key):
            mark = keys[key].start_mark
            shown = printable(key if len(key) <= 80 else key[:77] + "...")
            message = f"'{shown}' is not a valid name: use lower-case words joined by hyphens, like 'culture-star'"
            problems.append(Problem(display, mark.line + 1, mark.column + 1, "", message))
            continue
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
    return loaded, {name for name in document.data if is_valid_id(name)}


def load_library(project: Path) -> Library:
    """Load and validate all content of the project at ``project``."""
    content_dir = project / "content"
    problems: list[Problem] = []
    if content_dir.is_symlink():
        raise ContentError([Problem("content", 1, 1, "", _link_problem(project, content_dir))])
    if not content_dir.is_dir():
        raise ContentError([Problem("content", 1, 1, "", "the content folder is missing")])
    sources, source_names = _load_mapping(project, content_dir / "sources.yml", Document, problems)
    themes, theme_names = _load_mapping(project, content_dir / "themes.yml", Theme, problems)
    coverage = font_coverage(project)
    entries: dict[str, Entry] = {}
    paths_by_id: dict[str, str] = {}
    folders_by_id: dict[str, str | None] = {}  # None: in two folders at once
    parsed: list[Parsed] = []
    for file in _content_files(project, content_dir, problems):
        display = _display(project, file)
        folder = file.parent.name
        if file.suffix != ".yml":
            problems.append(Problem(display, 1, 1, "", "content files must end in .yml"))
            continue
        kind = KINDS[folder]
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
        problems += unprintable_characters(document.root, document.text, display, coverage)
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
