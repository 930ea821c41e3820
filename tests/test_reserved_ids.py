# ruff: noqa: E501  (pinned messages read best whole, one per line)
"""An item id that collides with a file the site makes itself is refused at check time, whatever the kind
(issue #12, class 4): the reserved names come from the formats, and any two outputs with one path are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, copy_project
from hub.content import load_library
from hub.model import Model
from hub.problems import ContentError
from hub.render import Renderer
from hub.render.outputs import GENERATED_FOLDERS
from hub.settings import Settings

GUIDANCE = """\
title: Test guidance
summary: Guidance made up for a test.
themes: [recording]
source: {document: iriss-leading-for-outcomes, section: Test}
body:
  - type: text
    text: Words.
"""
SCENARIO = """\
title: Test person
label: "Scenario 9: Test person"
summary: A person made up for a test.
themes: [case-examples]
source: {document: iriss-leading-for-outcomes, section: Test}
text: They want to keep doing what matters to them.
"""


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("reserved") / "project")


def check(project: Path) -> list[str]:
    """What `build.py check` reports: content problems, then outputs that collide."""
    try:
        settings = Settings.load(project, epoch=1767225600)
        Renderer(Model.of(load_library(project)), settings, keep_compiled=False).outputs()
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def exercise(number: int) -> str:
    text = (REPO / "content/exercises/exercise-2-outcomes-focused-and-service-led-compared.yml").read_text(
        encoding="utf-8"
    )
    return text.replace("number: 2\n", f"number: {number}\n", 1)


CASES = {
    "content/exercises/plan.yml": (
        exercise(98),
        "the id 'plan' is reserved: the site makes exercises/plan.md itself; rename the file",
    ),
    "content/scenarios/plan.yml": (
        SCENARIO,
        "the id 'plan' is reserved: the site makes exercises/plan.md itself; rename the file",
    ),
    "content/scenarios/index.yml": (
        SCENARIO,
        "the id 'index' is reserved: the site makes scenarios/index.md itself; rename the file",
    ),
    "content/guidance/page.yml": (
        GUIDANCE,
        "the id 'page' is reserved: the site makes guidance/page/2.md itself; rename the file",
    ),
    "content/guidance/catalogue-data.yml": (
        GUIDANCE,
        "the id 'catalogue-data' is reserved: the site makes guidance/catalogue-data.js itself; rename the file",
    ),
    "content/guidance/themes.yml": (
        GUIDANCE,
        "the id 'themes' is reserved: the site makes themes/index.md itself; rename the file",
    ),
    "content/guidance/sources.yml": (
        GUIDANCE,
        "the id 'sources' is reserved: the site makes sources/index.md itself; rename the file",
    ),
    "content/guidance/pdf.yml": (
        GUIDANCE,
        "the id 'pdf' is reserved: the site makes pdf/cards-questions-for-supervision.pdf itself; rename the file",
    ),
    "content/guidance/cards-scenarios.yml": (
        GUIDANCE,
        "the id 'cards-scenarios' is reserved: the site makes pdf/cards-scenarios.pdf itself; rename the file",
    ),
    "content/guidance/exercise-1-defining-the-approach-facilitator.yml": (
        GUIDANCE,
        "its pdf/exercise-1-defining-the-approach-facilitator.pdf would be overwritten by content/exercises/exercise-1-defining-the-approach.yml (facilitator handout), which has the same path; rename the file",
    ),
    "content/guidance/culture-star-fillable.yml": (
        GUIDANCE,
        "its pdf/culture-star-fillable.pdf would be overwritten by content/stars/culture-star.yml (fillable scores), which has the same path; rename the file",
    ),
}


@pytest.mark.parametrize("relative", CASES)
def test_an_id_the_site_uses_itself_is_refused_at_check_time(sandbox: Path, relative: str) -> None:
    text, message = CASES[relative]
    target = sandbox / relative
    target.write_text(text, encoding="utf-8")
    try:
        assert check(sandbox) == [f"{relative}:1:1: {message}"]
    finally:
        target.unlink()


def test_the_real_content_takes_no_reserved_id(sandbox: Path) -> None:
    assert check(sandbox) == []


def test_a_theme_page_is_made_inside_its_own_folder_whatever_the_theme_is_called(sandbox: Path) -> None:
    settings = Settings.load(sandbox, epoch=1767225600)
    outputs = Renderer(Model.of(load_library(sandbox)), settings, keep_compiled=False).outputs()
    for output in outputs:
        assert output.path.split("/")[0] in GENERATED_FOLDERS


@pytest.mark.parametrize(
    "path",
    [
        "../index.md",
        "themes/../../docs/index.md",
        "/etc/passwd",
        "themes//index.md",
        "themes/./index.md",
        "themes/x){ onclick=1 }(/index.md",
        "themes/.hidden.md",
        "Themes/index.md",
        "themes/a\x1b/index.md",
        "themes\\index.md",
        "themes/index.md/",
    ],
)
def test_an_output_path_that_could_leave_its_folder_is_refused_when_the_output_is_made(path: str) -> None:
    from hub.render.outputs import Output, OutputPathError

    with pytest.raises(OutputPathError, match="is not a path inside the generated folders"):
        Output(path, "a test")


def test_inside_refuses_a_path_that_resolves_outside_its_folder(tmp_path: Path) -> None:
    from hub.render.outputs import OutputPathError, inside

    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (docs / "scenarios").symlink_to(tmp_path / "elsewhere")
    assert inside(docs, "themes/values/index.md") == (docs / "themes/values/index.md").resolve()
    with pytest.raises(
        OutputPathError, match=r"'scenarios/sandra.md' resolves to .*/elsewhere/sandra.md, outside .*/docs"
    ):
        inside(docs, "scenarios/sandra.md")
    with pytest.raises(OutputPathError, match="is not a path inside the generated folders"):
        inside(docs, "../outside.md")
