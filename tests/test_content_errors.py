"""Every kind of content problem gives its exact `path:line:col: field: message`."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build, tree_snapshot
from hub.content import load_library
from hub.problems import ContentError

MINIMAL_EXERCISE = """\
title: Outcomes-focused and service-led compared
number: 2
part: 1
summary: Compare the approaches.
themes: [outcomes-approach]
source: {document: iriss-leading-for-outcomes, section: Exercise two}
learning_outcomes:
  - identifying the differences
time:
  minutes: 20
  at_least: true
  text: Spend at least 20 minutes
materials:
  - Flip chart paper
instructions:
  - Discuss.
training_materials:
  - type: text
    text: Hello.
"""

VALID_SCENARIO = """\
title: Test person
label: "Scenario 9: Test person"
summary: A person made up for a test.
themes: [case-examples]
source: {document: iriss-leading-for-outcomes, section: Test}
text: They want to keep doing what matters to them.
"""


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("errors") / "project")


def problems_for(project: Path, relative: str, text: str | bytes) -> list[str]:
    target = project / relative
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    try:
        load_library(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    finally:
        target.unlink()
    return []


CASES = {
    "tab": (
        "content/scenarios/tabbed.yml",
        "title: x\nsource:\n\tdocument: scw-one-stop-shop\n",
        ["content/scenarios/tabbed.yml:3:1: tab character; indent with spaces only"],
    ),
    "unclosed quote": (
        "content/scenarios/unclosed.yml",
        'title: "Unclosed\nlabel: x\n',
        ["content/scenarios/unclosed.yml:1:8: this quoted text is never closed; add the closing quote"],
    ),
    "duplicate key": (
        "content/scenarios/twice.yml",
        VALID_SCENARIO + "title: Again\n",
        ["content/scenarios/twice.yml:7:1: duplicate field 'title' (first given on line 1)"],
    ),
    "anchor": (
        "content/scenarios/anchored.yml",
        "title: &name Anchored\nlabel: *name\n",
        ["content/scenarios/anchored.yml:1:8: anchors (&name) are not allowed; write the value out in full"],
    ),
    "alias": (
        "content/scenarios/aliased.yml",
        "title: x\nlabel: *name\n",
        ["content/scenarios/aliased.yml:2:8: aliases (*name) are not allowed; write the value out in full"],
    ),
    "python tag": (
        "content/scenarios/tagged.yml",
        'title: !!python/object/apply:os.system ["echo hi"]\n',
        ["content/scenarios/tagged.yml:1:8: YAML tags such as '!!python/object/apply:os.system' are not allowed"],
    ),
    "misspelt field": (
        "content/scenarios/misspelt.yml",
        VALID_SCENARIO.replace("summary:", "sumary:"),
        [
            "content/scenarios/misspelt.yml:1:1: summary: required field is missing",
            "content/scenarios/misspelt.yml:3:1: sumary: unknown field 'sumary'; did you mean 'summary'?",
        ],
    ),
    "wrong type": (
        "content/scenarios/wrong-type.yml",
        VALID_SCENARIO.replace("text: They", "text: [They").replace("to them.", "to them]"),
        ["content/scenarios/wrong-type.yml:6:7: text: expected text, not a list"],
    ),
    "empty file": ("content/scenarios/empty.yml", "", ["content/scenarios/empty.yml:1:1: file is empty"]),
    "list instead of mapping": (
        "content/scenarios/listed.yml",
        "- title: x\n",
        ["content/scenarios/listed.yml:1:1: expected a set of fields (name: value), not a list"],
    ),
    "byte-order mark": (
        "content/scenarios/bom.yml",
        b"\xef\xbb\xbf" + VALID_SCENARIO.encode(),
        ["content/scenarios/bom.yml:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM"],
    ),
    "invalid UTF-8": (
        "content/scenarios/latin1.yml",
        VALID_SCENARIO.encode().replace(b"made up", b"caf\xe9"),
        ["content/scenarios/latin1.yml:3:22: file is not valid UTF-8 text; save it as UTF-8"],
    ),
    "unknown theme": (
        "content/scenarios/themed.yml",
        VALID_SCENARIO.replace("[case-examples]", "[case-examples, riks]"),
        [
            "content/scenarios/themed.yml:4:25: themes[2]: unknown theme 'riks'; did you mean 'risk'? "
            "(themes are listed in content/themes.yml)"
        ],
    ),
    "unknown source": (
        "content/scenarios/sourced.yml",
        VALID_SCENARIO.replace("iriss-leading-for-outcomes", "iriss-leading-for-outcome"),
        [
            "content/scenarios/sourced.yml:5:20: source.document: unknown source document "
            "'iriss-leading-for-outcome'; did you mean 'iriss-leading-for-outcomes'?"
        ],
    ),
    "unknown cross-reference": (
        "content/scenarios/linked.yml",
        VALID_SCENARIO + "see_also: [sandar]\n",
        ["content/scenarios/linked.yml:7:12: see_also[1]: unknown item 'sandar'; did you mean 'sandra'?"],
    ),
    "same id in two folders": (
        "content/guidance/sandra.yml",
        "title: x\n",
        [
            "content/guidance/sandra.yml:1:1: body: required field is missing",
            "content/guidance/sandra.yml:1:1: source: required field is missing",
            "content/guidance/sandra.yml:1:1: summary: required field is missing",
            "content/guidance/sandra.yml:1:1: themes: required field is missing",
            "content/scenarios/sandra.yml:1:1: id 'sandra' is already used by content/guidance/sandra.yml; "
            "ids must be unique",
        ],
    ),
    "table row width": (
        "content/guidance/table.yml",
        "title: T\nsummary: S\nthemes: [values]\nsource: {document: scw-one-stop-shop, section: S}\n"
        "body:\n  - type: table\n    header: [A, B]\n    rows:\n      - [one, two]\n      - [one, two, three]\n",
        ["content/guidance/table.yml:10:9: body[1].rows[2]: row has 3 cells but the header has 2"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_problem_has_its_exact_message(sandbox: Path, case: str) -> None:
    relative, text, expected = CASES[case]
    assert problems_for(sandbox, relative, text) == expected


def test_numbers_and_flags_are_strict_but_text_stays_text(sandbox: Path) -> None:
    text = (
        MINIMAL_EXERCISE.replace("title: Outcomes-focused and service-led compared", "title: no")
        .replace("number: 2\n", "number: 012\n")
        .replace("  minutes: 20\n  at_least: true", "  minutes: 12:30\n  at_least: yes")
        .replace("  - Flip chart paper", "  - 12:30\n  - on\n  - 1.10")
    )
    assert problems_for(sandbox, "content/exercises/exercise-99-test.yml", text) == [
        "content/exercises/exercise-99-test.yml:2:9: number: expected a whole number such as 20, not '012'",
        "content/exercises/exercise-99-test.yml:10:12: time.minutes: expected a whole number such as 20, not '12:30'",
        "content/exercises/exercise-99-test.yml:11:13: time.at_least: expected true or false, not 'yes'",
    ]


def test_yaml_scalars_that_look_like_other_types_stay_text(project: Path) -> None:
    scenario = VALID_SCENARIO.replace("title: Test person", "title: no").replace(
        "They want to keep doing what matters to them.", "012"
    )
    (project / "content/scenarios/test-person.yml").write_text(scenario + "see_also: [sandra]\n", encoding="utf-8")
    library = load_library(project)
    item = library.entries["test-person"].item
    assert (item.title, item.text) == ("no", "012")


def test_block_problems_name_the_block(sandbox: Path) -> None:
    text = MINIMAL_EXERCISE.replace("number: 2", "number: 99").replace(
        "training_materials:\n", "training_materials:\n  - type: tabel\n  - type: quote\n  - text: hi\n"
    )
    name = "content/exercises/exercise-99-test.yml"
    assert problems_for(sandbox, name, text) == [
        f"{name}:18:5: training_materials[1]: unknown block type 'tabel'; did you mean 'table'? "
        "(expected one of: text, quote, list, definitions, table, worksheet, questions)",
        f"{name}:19:5: training_materials[2].text: required field is missing",
        f"{name}:20:5: training_materials[3]: a block needs a 'type' field "
        "(text, quote, list, definitions, table, worksheet or questions)",
    ]


def test_check_reports_every_problem_in_every_file_and_writes_nothing(project: Path) -> None:
    (project / "content/scenarios/one.yml").write_text("title: x\ntitle: y\n", encoding="utf-8")
    (project / "content/scenarios/two.yml").write_text("title: x\n\tlabel: y\n", encoding="utf-8")
    before = tree_snapshot(project)
    result = run_build(project, "check")
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "content/scenarios/one.yml:2:1: duplicate field 'title' (first given on line 1)",
        "content/scenarios/two.yml:2:1: tab character; indent with spaces only",
        "2 problems found; nothing was written.",
    ]
    assert "Traceback" not in result.stderr
    assert tree_snapshot(project) == before


def test_usage_error_exits_2(project: Path) -> None:
    result = run_build(project, "publish")
    assert result.code == 2
    assert "invalid choice: 'publish'" in result.stderr


def test_check_on_real_content_succeeds(project: Path) -> None:
    result = run_build(project, "check")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Content is valid: ")
    assert not (project / "site").exists()
    assert not (project / "docs/exercises").exists()
