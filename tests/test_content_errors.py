# ruff: noqa: E501  (pinned messages read best whole, one per line)
"""Every kind of content problem gives its exact `path:line:col: field: message`.

The broken files live in tests/broken/; BROKEN says where each one goes in a copy
of the project and exactly what the build must say about it.  Each is built
through the command line (``hub.cli.main``) in this process: exit code 1, every
message exact, no traceback, nothing written, and quickly: in under two seconds of
processor time (a correctness bound, not a benchmark: a bomb that got through would
cost far more, whereas a busy machine only stretches the wall-clock time).  The
real ``build.py`` runs in a process of its own once for each exit code: 1 (every
broken file at once), 0 (``check`` on the real content) and 2 (a usage error).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Run, copy_project, run_build, tree_snapshot
from hub.content import load_library
from hub.problems import ContentError

BROKEN_DIR = REPO / "tests/broken"
CPU_SECONDS_ALLOWED = 2.0

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


# file in tests/broken/ -> (where it goes in the project, the problems reported as "line:col: field: message")
BROKEN: dict[str, tuple[str, list[str]]] = {
    "alias.yml": (
        "content/scenarios/alias.yml",
        [
            "2:8: aliases (*name) are not allowed; write the value out in full",
        ],
    ),
    "anchor.yml": (
        "content/scenarios/anchor.yml",
        [
            "1:8: anchors (&name) are not allowed; write the value out in full",
        ],
    ),
    "at-least-yes.yml": (
        "content/exercises/at-least-yes.yml",
        [
            "11:13: time.at_least: expected true or false, not 'yes'",
        ],
    ),
    "bad-file-name.yml": (
        "content/scenarios/Test Person.yml",
        [
            "1:1: file name 'Test Person' is not a valid id: use lower-case words joined by hyphens",
        ],
    ),
    "billion-laughs.yml": (
        "content/scenarios/billion-laughs.yml",
        [
            "1:4: anchors (&name) are not allowed; write the value out in full",
        ],
    ),
    "blank-title.yml": (
        "content/scenarios/blank-title.yml",
        [
            "1:8: title: must not be empty",
        ],
    ),
    "byte-order-mark.yml": (
        "content/scenarios/byte-order-mark.yml",
        [
            "1:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
        ],
    ),
    "complex-key.yml": (
        "content/scenarios/complex-key.yml",
        [
            "7:3: a field name must be plain text",
        ],
    ),
    "deep-nesting.yml": (
        "content/scenarios/deep-nesting.yml",
        [
            "1:47: nested more than 40 levels deep",
        ],
    ),
    "duplicate-key.yml": (
        "content/scenarios/duplicate-key.yml",
        [
            "7:1: duplicate field 'title' (first given on line 1)",
        ],
    ),
    "empty.yml": (
        "content/scenarios/empty.yml",
        [
            "1:1: file is empty",
        ],
    ),
    "exercise-number-taken.yml": (
        "content/exercises/exercise-number-taken.yml",
        [
            "2:9: number: exercise number 1 is also used by content/exercises/exercise-1-defining-the-approach.yml",
        ],
    ),
    "hand-out-at-a-missing-step.yml": (
        "content/exercises/hand-out-at-a-missing-step.yml",
        [
            "21:16: training_materials[1].hand_out.at_step: there is no step 3: the exercise has 2 steps",
            "24:17: comparisons[1].comparison: unknown comparison 'service-led-and-outcomes-focused-iriss-2011'; did you mean 'service-led-and-outcomes-focused-iriss-2010'?",
        ],
    ),
    "hand-out-outside-an-exercise.yml": (
        "content/guidance/hand-out-outside-an-exercise.yml",
        [
            "13:7: body[2].hand_out: only an exercise's training materials are handed out during it",
        ],
    ),
    "image-with-alt.yml": (
        "content/scenarios/image-with-alt.yml",
        [
            "3:20: summary: images are not allowed in text, so describe what it shows in words instead",
        ],
    ),
    "image-without-alt.yml": (
        "content/scenarios/image-without-alt.yml",
        [
            "8:3: text: image without alt text; images are not allowed in text, so describe what it shows in words instead",
        ],
    ),
    "invalid-and-unknown-references.yml": (
        "content/scenarios/invalid-and-unknown-references.yml",
        [
            "1:1: text: required field is missing",
            "4:25: themes[2]: unknown theme 'riks'; did you mean 'risk'? (themes are listed in content/themes.yml)",
            "6:1: themes_note: unknown field 'themes_note'; did you mean 'themes'?",
            "7:12: see_also[1]: unknown item 'sandar'; did you mean 'sandra'?",
        ],
    ),
    "invalid-utf8.yml": (
        "content/scenarios/invalid-utf8.yml",
        [
            "3:22: file is not valid UTF-8 text; save it as UTF-8",
        ],
    ),
    "link-by-path.yml": (
        "content/guidance/link-by-path.yml",
        [
            "7:24: body[1].text: link to '../scenarios/sandra.md' must name the item by its id alone; did you mean 'sandra'?",
        ],
    ),
    "link-scheme.yml": (
        "content/guidance/link-scheme.yml",
        [
            "9:27: body[1].rows[1][2]: link to 'ftp://example.org/files' is not allowed; link to a web page by its full address (https://...), to an email address (mailto:...) or to another item by its id, like [Sandra's story](sandra)",
        ],
    ),
    "link-to-missing-page.yml": (
        "content/guidance/link-to-missing-page.yml",
        [
            "8:29: body[1].text: link to unknown item 'sandar'; did you mean 'sandra'?",
            "9:24: body[1].text: link to unknown item 'leading-for-outcomes-referencs'; did you mean 'leading-for-outcomes-references'?",
        ],
    ),
    "list-not-mapping.yml": (
        "content/scenarios/list-not-mapping.yml",
        [
            "1:1: expected a set of fields (name: value), not a list",
        ],
    ),
    "local-tag.yml": (
        "content/scenarios/local-tag.yml",
        [
            "6:7: YAML tags such as '!include' are not allowed",
        ],
    ),
    "missing-field.yml": (
        "content/scenarios/missing-field.yml",
        [
            "1:1: label: required field is missing",
        ],
    ),
    "not-yaml-extension.txt": (
        "content/scenarios/notes.txt",
        [
            "1:1: content files must end in .yml",
        ],
    ),
    "null-title.yml": (
        "content/scenarios/null-title.yml",
        [
            "1:8: title: must not be empty",
        ],
    ),
    "number-012.yml": (
        "content/exercises/number-012.yml",
        [
            "2:9: number: expected a whole number such as 20, not '012'",
        ],
    ),
    "number-1-10.yml": (
        "content/guidance/number-1-10.yml",
        [
            "9:17: body[1].blank_rows: expected a whole number such as 20, not '1.10'",
        ],
    ),
    "only-comments.yml": (
        "content/scenarios/only-comments.yml",
        [
            "1:1: file is empty",
        ],
    ),
    "pack-unknown-exercise.yml": (
        "content/packs/pack-unknown-exercise.yml",
        [
            "9:5: exercises[2]: unknown exercise 'exercise-9-keeping-going'",
            "14:12: breaks[2].after: unknown exercise 'exercise-9-keeping-going'",
        ],
    ),
    "python-tag.yml": (
        "content/scenarios/python-tag.yml",
        [
            "1:8: YAML tags such as '!!python/object/apply:os.system' are not allowed",
        ],
    ),
    "same-id.yml": (
        "content/guidance/mays-story.yml",
        [
            "1:1: id 'mays-story' is already used by content/case-studies/mays-story.yml; ids must be unique",
        ],
    ),
    "self-reference.yml": (
        "content/scenarios/self-reference.yml",
        [
            "7:12: see_also[1]: an item cannot refer to itself",
        ],
    ),
    "tab-indentation.yml": (
        "content/scenarios/tab-indentation.yml",
        [
            "6:1: tab character; indent with spaces only",
            "7:1: tab character; indent with spaces only",
        ],
    ),
    "table-row-width.yml": (
        "content/guidance/table-row-width.yml",
        [
            "10:9: body[1].rows[2]: row has 3 cells but the header has 2",
        ],
    ),
    "text-not-list.yml": (
        "content/scenarios/text-not-list.yml",
        [
            "4:9: themes: expected a list, not text",
        ],
    ),
    "time-12-30.yml": (
        "content/exercises/time-12-30.yml",
        [
            "10:12: time.minutes: expected a whole number such as 20, not '12:30'",
        ],
    ),
    "unclosed-quote.yml": (
        "content/scenarios/unclosed-quote.yml",
        [
            "2:8: this quoted text is never closed; add the closing quote",
        ],
    ),
    "unknown-block-type.yml": (
        "content/guidance/unknown-block-type.yml",
        [
            "6:5: body[1]: unknown block type 'txet'; did you mean 'text'? (expected one of: text, quote, list, definitions, table, worksheet, questions)",
        ],
    ),
    "unknown-field.yml": (
        "content/scenarios/unknown-field.yml",
        [
            "1:1: summary: required field is missing",
            "3:1: sumary: unknown field 'sumary'; did you mean 'summary'?",
        ],
    ),
    "unknown-scenario.yml": (
        "content/exercises/unknown-scenario.yml",
        [
            "15:21: scenarios[2]: unknown scenario 'mr-and-mrs-mackay' (it is in content/case-studies/)",
        ],
    ),
    "unknown-see-also.yml": (
        "content/scenarios/unknown-see-also.yml",
        [
            "7:12: see_also[1]: unknown item 'sandar'; did you mean 'sandra'?",
        ],
    ),
    "unknown-source.yml": (
        "content/scenarios/unknown-source.yml",
        [
            "5:20: source.document: unknown source document 'iriss-leading-for-outcome'; did you mean 'iriss-leading-for-outcomes'?",
        ],
    ),
    "unknown-theme.yml": (
        "content/scenarios/unknown-theme.yml",
        [
            "4:25: themes[2]: unknown theme 'riks'; did you mean 'risk'? (themes are listed in content/themes.yml)",
        ],
    ),
    "wrong-type.yml": (
        "content/scenarios/wrong-type.yml",
        [
            "7:3: text: expected text, not a list",
        ],
    ),
    "yes-no-on.yml": (
        "content/guidance/yes-no-on.yml",
        [
            "7:14: body[1].ordered: expected true or false, not 'on'",
        ],
    ),
}

# Files too big to keep in the repository, made when the test runs.
GENERATED: dict[str, tuple[str, Callable[[], bytes], list[str]]] = {
    "five-megabytes": (
        "content/guidance/five-megabytes.yml",
        lambda: b"title: Big\nsummary: >-\n" + b"  All work and no play makes a big file.\n" * 125_000,
        ["1:1: file is larger than 1 MB"],
    ),
}


def test_the_battery_covers_every_file_in_tests_broken() -> None:
    assert sorted(path.name for path in BROKEN_DIR.iterdir()) == sorted(BROKEN)
    assert len(BROKEN) + len(GENERATED) >= 30


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a site from an earlier build (stand-in files), which a failed build must not touch."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    (project / "site/pdf").mkdir(parents=True)
    (project / "site/index.html").write_text("<!DOCTYPE html><title>Previous site</title>", encoding="utf-8")
    (project / "site/pdf/sandra.pdf").write_bytes(b"%PDF-1.7 previous")
    return project


def _place(project: Path, case: str) -> tuple[Path, list[str]]:
    if case in BROKEN:
        destination, expected = BROKEN[case]
        data = (BROKEN_DIR / case).read_bytes()
    else:
        destination, make, expected = GENERATED[case]
        data = make()
    (project / destination).write_bytes(data)
    return project / destination, [f"{destination}:{line}" for line in expected]


@pytest.mark.parametrize("case", [*BROKEN, *GENERATED])
def test_each_broken_file_fails_the_build_quickly_with_exact_messages(
    previous_site: Path, run_in_process: Callable[..., Run], case: str
) -> None:
    before = tree_snapshot(previous_site)
    target, expected = _place(previous_site, case)
    try:
        result = run_in_process(previous_site, "build")
    finally:
        target.unlink()
    assert result.code == 1, result.stdout
    count = len(expected)
    summary = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
    assert result.stderr.splitlines() == [*expected, summary]
    assert "Traceback" not in result.stderr
    assert result.cpu_seconds < CPU_SECONDS_ALLOWED, f"took {result.cpu_seconds:.2f} s of processor time"
    assert tree_snapshot(previous_site) == before


@pytest.mark.e2e
def test_one_run_reports_every_problem_in_every_file(previous_site: Path) -> None:
    before = tree_snapshot(previous_site)
    placed, expected = [], []
    for case in [*BROKEN, *GENERATED]:
        target, lines = _place(previous_site, case)
        placed.append(target)
        expected += lines
    try:
        result = run_build(previous_site, "build")
    finally:
        for target in placed:
            target.unlink()
    assert result.code == 1
    *reported, summary = result.stderr.splitlines()
    assert sorted(reported) == sorted(expected)
    assert summary == f"{len(expected)} problems found; nothing was written."
    assert "Traceback" not in result.stderr
    assert tree_snapshot(previous_site) == before


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


def test_names_of_files_that_fail_to_load_are_not_reported_again(project: Path) -> None:
    (project / "content/scenarios/broken-one.yml").write_text('title: "unclosed\n', encoding="utf-8")
    pointing = VALID_SCENARIO + "see_also: [broken-one]\n" + "text2: x\n"
    (project / "content/scenarios/points-at-it.yml").write_text(pointing, encoding="utf-8")
    themes = project / "content/themes.yml"
    lines = themes.read_text(encoding="utf-8").replace("  label: Case examples\n", "").splitlines(keepends=True)
    themes.write_text("".join(lines), encoding="utf-8")
    fields_start = lines.index("case-examples:\n") + 2
    with pytest.raises(ContentError) as error:
        load_library(project)
    assert [str(problem) for problem in error.value.problems] == [
        "content/scenarios/broken-one.yml:1:8: this quoted text is never closed; add the closing quote",
        "content/scenarios/points-at-it.yml:8:1: text2: unknown field 'text2'; did you mean 'text'?",
        f"content/themes.yml:{fields_start}:3: case-examples.label: required field is missing",
    ]


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


def test_check_reports_every_problem_in_every_file_and_writes_nothing(
    project: Path, run_in_process: Callable[..., Run]
) -> None:
    (project / "content/scenarios/one.yml").write_text("title: x\ntitle: y\n", encoding="utf-8")
    (project / "content/scenarios/two.yml").write_text("title: x\n\tlabel: y\n", encoding="utf-8")
    before = tree_snapshot(project)
    result = run_in_process(project, "check")
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "content/scenarios/one.yml:2:1: duplicate field 'title' (first given on line 1)",
        "content/scenarios/two.yml:2:1: tab character; indent with spaces only",
        "2 problems found; nothing was written.",
    ]
    assert "Traceback" not in result.stderr
    assert tree_snapshot(project) == before


@pytest.mark.e2e
def test_usage_error_exits_2(project: Path) -> None:
    result = run_build(project, "publish")
    assert result.code == 2
    assert "invalid choice: 'publish'" in result.stderr


@pytest.mark.e2e
def test_check_on_real_content_succeeds(project: Path) -> None:
    result = run_build(project, "check")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Content is valid: ")
    assert not (project / "site").exists()
    assert not (project / "docs/exercises").exists()
