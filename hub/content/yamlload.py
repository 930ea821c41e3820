"""Read one YAML file without ever changing what the author wrote.

Every scalar comes back as the text written (``no``, ``12:30`` and ``012`` stay text); only an empty
value or a plain ``~``/``null`` becomes ``None``.  Duplicate keys, anchors, aliases, explicit tags, tabs,
byte-order marks, control characters and deep nesting are refused with the line and column of the cause.
A file is read only if it is a plain file of at most 1 MB (its size known before it is read); a named
pipe or a device is never opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from hub.content.characters import refused_characters, refused_message
from hub.problems import Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class YamlDocument:
    data: object
    root: Node
    text: str = ""


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser as _Events  # LibYAML reads ten times faster than PyYAML's own scanner
else:

    class _Events(Reader, Scanner, Parser):  # the same events, from PyYAML's pure-Python reader
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class _StrictLoader(Composer, _Events, BaseResolver):
    """Composes the node tree (with line and column marks) from the parser's events, refusing as it goes."""

    def __init__(self, stream: str) -> None:
        _Events.__init__(self, stream)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "aliases (*name) are not allowed; write the value out in full")
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Refused(event.start_mark, "anchors (&name) are not allowed; write the value out in full")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(event.start_mark, f"YAML tags such as '{shown}' are not allowed")
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
            try:
                return Composer.compose_node(self, parent, index)
            finally:
                self._depth -= 1
        return Composer.compose_node(self, parent, index)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    end = "the end of the file"
    problem = (error.problem or "").strip().replace("'\\x00'", end).replace("'<stream end>'", end)
    context = (error.context or "").strip()
    if "quoted scalar" in context and "end of stream" in problem:
        return "this quoted text is never closed; add the closing quote"
    if "anchor" in context or "alias" in context:
        return "anchors (&name) and aliases (*name) are not allowed; write the value out in full"
    if "tag" in context:
        return "YAML tags (!name) are not allowed"
    if "block scalar" in context or "chomping or indentation indicators" in problem:
        return "only - or + may follow | or > on the same line; start the text on the next line"
    if "directive" in context or "<document start>" in problem:
        return "a line starting with '%' is a YAML directive; put text that starts with % in quotes"
    if "that cannot start any token" in problem:
        return "a value cannot start with this character; put the text in quotes"
    if "unknown escape character" in problem:
        return "unknown escape after a backslash in double-quoted text; use single quotes, or write \\\\ for \\"
    if "expected ',' or ']'" in problem:
        return "this [ ] list is never closed, or its entries are not separated by commas"
    if "expected ',' or '}'" in problem:
        return "this { } set of fields is never closed, or its entries are not separated by commas"
    if "mapping values are not allowed" in problem:
        return "unexpected ':' here; put text that contains ': ' in quotes"
    if "could not find expected ':'" in problem:
        return "expected 'name: value' here"
    if "bad indentation" in problem:
        return "the indentation of this line does not match the lines around it"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return "this line is not indented to match the lines above it"
    if "did not find expected '-'" in problem:
        return "expected a list entry starting with '- ' here"
    detail = problem or context or "the file is not valid YAML"
    return f"invalid YAML: {detail}"


def _to_data(node: Node, path: str, problems: list[Problem]) -> object:
    if isinstance(node, ScalarNode):
        if not node.style and node.value in NULLS:  # plain style: None from PyYAML, "" from LibYAML
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_to_data(child, path, problems) for child in node.value]
    assert isinstance(node, MappingNode)
    mapping: dict[str, object] = {}
    first_seen: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            line, column = _position(key_node.start_mark)
            problems.append(Problem(path, line, column, "", "a field name must be plain text"))
            continue
        key = key_node.value
        if key in first_seen:
            line, column = _position(key_node.start_mark)
            first_line = first_seen[key].start_mark.line + 1
            message = f"duplicate field '{key}' (first given on line {first_line})"
            problems.append(Problem(path, line, column, "", message))
            continue
        first_seen[key] = key_node
        mapping[key] = _to_data(value_node, path, problems)
    return mapping


_FILE_TYPES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def not_a_file(mode: int) -> str | None:
    """``"a named pipe"`` and the like for anything that is not a plain file; None for a plain file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _FILE_TYPES if test(mode)), "not a plain file")


def cannot_read(error: OSError) -> str:
    reason = (error.strerror or type(error).__name__).lower()
    return f"cannot read this file ({reason}); check that it exists and that you may read it"


class _TooBig(Exception):
    pass


def read_limited(file: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``file``, a plain file of at most ``limit`` bytes; ``_TooBig`` or OSError otherwise.

    The size is checked before anything is read, and the file is opened without waiting
    (a named pipe that took the file's place after it was checked does not hang the build).
    """
    descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        opened = os.fstat(descriptor)
        what = not_a_file(opened.st_mode)
        if what:
            raise IsADirectoryError(0, f"it is {what}, not a file")
        if opened.st_size > limit:
            raise _TooBig
        chunks, total = [], 0
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise _TooBig
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _read(file: Path, display_path: str) -> tuple[bytes | None, list[Problem]]:
    try:
        found = os.stat(file)
    except OSError as error:
        return None, [Problem(display_path, 1, 1, "", cannot_read(error))]
    what = not_a_file(found.st_mode)
    if what:
        return None, [Problem(display_path, 1, 1, "", f"this is {what}, not a file; content must be in plain files")]
    too_big = Problem(display_path, 1, 1, "", f"file is larger than {MAX_BYTES // 1_000_000} MB")
    if found.st_size > MAX_BYTES:
        return None, [too_big]
    try:
        return read_limited(file), []
    except _TooBig:
        return None, [too_big]
    except OSError as error:
        return None, [Problem(display_path, 1, 1, "", cannot_read(error))]


def load_yaml(file: Path, display_path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``file``; return the document, or ``None`` and the problems that stop it.

    Problems that do not stop the rest of the file being checked (a control character
    in a value) come back with the document.
    """
    raw, problems = _read(file, display_path)
    if raw is None:
        return None, problems
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(display_path, 1, 1, "", "file starts with a byte-order mark; save it as UTF-8 without BOM")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(display_path, line, column, "", "file is not valid UTF-8 text; save it as UTF-8")]
    problems = [
        Problem(display_path, number, text_line.index("\t") + 1, "", "tab character; indent with spaces only")
        for number, text_line in enumerate(text.splitlines(), start=1)
        if "\t" in text_line
    ]
    # YAML takes these for line breaks, so they would otherwise turn up as baffling syntax errors.
    for break_like in ("\x85", "\u2028", "\u2029"):
        index = text.find(break_like)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            problems.append(Problem(display_path, line, column, "", refused_message(break_like)))
    if problems:
        return None, problems
    if not text.strip():
        return None, [Problem(display_path, 1, 1, "", "file is empty")]
    loader = None
    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        return None, [_control_character(error, text, raw, display_path)]
    except _Refused as refused:
        line, column = _position(refused.mark)
        return None, [Problem(display_path, line, column, "", refused.message)]
    except yaml.MarkedYAMLError as error:
        unclosed = "quoted scalar" in (error.context or "") and error.context_mark
        mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
        line, column = _position(mark) if mark else (1, 1)
        lines = text.splitlines() or [""]
        if line > len(lines):  # LibYAML can point just past the end of a file without a final line break
            line, column = len(lines), len(lines[-1]) + 1
        return None, [Problem(display_path, line, column, "", _syntax_message(error))]
    except yaml.YAMLError as error:
        return None, [Problem(display_path, 1, 1, "", f"invalid YAML: {error}")]
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None, [Problem(display_path, 1, 1, "", "file is empty")]
    data = _to_data(root, display_path, problems)
    if problems:
        return None, problems
    return YamlDocument(data, root, text), refused_characters(root, text, display_path)


def _control_character(error: yaml.reader.ReaderError, text: str, raw: bytes, display_path: str) -> Problem:
    # LibYAML counts bytes of UTF-8; PyYAML counts characters.
    before = raw[: error.position].decode("utf-8", errors="ignore") if yaml.__with_libyaml__ else text[: error.position]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    char = chr(error.character) if isinstance(error.character, int) else str(error.character)
    if len(char) != 1:  # not one character: say what the reader said
        return Problem(
            display_path, line, column, "", f"the file contains a character that is not allowed: {error.reason}"
        )
    return Problem(display_path, line, column, "", refused_message(char))
