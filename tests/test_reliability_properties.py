"""Property-based tests: whatever an author types, loading and validation end in a clean content error
(every problem with a path, line, column and message in words) or in valid content, never in a crash."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from hub.content import load_library
from hub.content.links import markdown_problems
from hub.problems import ContentError
from hub.render.markup import AuthorText

markdown_block = AuthorText({"sandra": "scenarios/sandra/"}).block

SETTINGS = settings(
    max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TARGET = "content/scenarios/under-test.yml"
PROBLEM = re.compile(r"content/[a-z-]+/[^:]+\.(yml|txt):(\d+):(\d+): (?:[\w.\[\]-]+: )?\S[^\n]*")

VALID = {
    "title": "Test person",
    "label": "Scenario 9: Test person",
    "summary": "A person made up for a test.",
    "themes": ["case-examples"],
    "source": {"document": "iriss-leading-for-outcomes", "section": "Test"},
    "text": "They want to keep doing what matters to them.",
    "see_also": ["sandra"],
}


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sources, themes, one real scenario and the file under test: loading it takes milliseconds."""
    project = tmp_path_factory.mktemp("properties")
    (project / "content/scenarios").mkdir(parents=True)
    for name in ("content/sources.yml", "content/themes.yml", "content/scenarios/sandra.yml"):
        shutil.copyfile(REPO / name, project / name)
    return project


def assert_loads_or_fails_cleanly(project: Path, data: bytes) -> None:
    (project / TARGET).write_bytes(data)
    text = data.decode("utf-8", errors="replace")
    lines = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", text))  # what YAML counts as line breaks
    try:
        load_library(project)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            shown = str(problem)
            match = PROBLEM.fullmatch(shown)
            assert match, shown
            assert problem.path == TARGET, shown
            assert 1 <= problem.line <= lines and problem.column >= 1, shown
            assert "Traceback" not in shown and "<class" not in shown, shown


YAML_PIECES = [*"abc xyz:-#&*!|>'\"[]{},?%@`\t\n\r\\~0129.+\u00e9\u2013\ufeff\x07", "  ", "\n  ", "- "]
yaml_alphabet = st.sampled_from(YAML_PIECES)


@SETTINGS
@given(st.lists(yaml_alphabet, max_size=80).map("".join))
def test_any_yaml_like_text_loads_or_fails_cleanly(small_project: Path, text: str) -> None:
    assert_loads_or_fails_cleanly(small_project, text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_load_or_fail_cleanly(small_project: Path, data: bytes) -> None:
    assert_loads_or_fails_cleanly(small_project, data)


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10_000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
FIELDS = [*VALID, "unknown", "source.document", "source.section", "source.pages", "themes.0", "see_also.0"]


def with_value(field: str, value: object) -> dict:
    data = yaml.safe_load(yaml.safe_dump(VALID))
    *parents, last = field.split(".")
    holder: object = data
    for part in parents:
        holder = holder[part]
    if isinstance(holder, list):
        holder[int(last)] = value
    else:
        holder[last] = value
    return data


@SETTINGS
@given(st.sampled_from(FIELDS), values)
def test_any_value_in_any_field_loads_or_fails_cleanly(small_project: Path, field: str, value: object) -> None:
    text = yaml.safe_dump(with_value(field, value), allow_unicode=True, sort_keys=False)
    assert_loads_or_fails_cleanly(small_project, text.encode("utf-8"))


@SETTINGS
@given(st.text(max_size=200))
def test_any_markdown_renders_and_checks_without_error(text: str) -> None:
    html = markdown_block(text)
    assert "<script" not in html and "<img" not in html
    for problem in markdown_problems(text, {"sandra"}):
        assert problem.message and "\n" not in problem.message
