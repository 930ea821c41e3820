# ruff: noqa: E501  (pinned messages read best whole, one per line)
"""Every content file is held to the same rules, and nothing in content/ is skipped or followed silently
(issue #12, classes 2, 5, 10, 11 and 12): each case gives its exact ``path:line:col: field: message``.

In-process, on one copy of the project: each case adds its files, loads, and takes them away again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import lxml.html
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, copy_project
from hub.content import load_library
from hub.content.characters import character_name, font_coverage
from hub.content.fields import MAX_TITLE
from hub.problems import ContentError
from hub.render.markup import AuthorText, plain_in_html, plain_in_markdown

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
    return copy_project(tmp_path_factory.mktemp("hardening") / "project")


def problems_in(project: Path) -> list[str]:
    try:
        load_library(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


@contextmanager
def placed(project: Path, files: dict[str, str | bytes]) -> Iterator[None]:
    """Write ``files`` (relative path → text) into the project for the length of the block."""
    made = []
    try:
        for relative, data in files.items():
            target = project / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            made.append(target)
        yield
    finally:
        for target in made:
            target.unlink(missing_ok=True)
        for folder in sorted({target.parent for target in made}, key=lambda path: -len(path.parts)):
            if folder != project / "content" and not any(folder.iterdir()):
                folder.rmdir()


@contextmanager
def appended(file: Path, text: str) -> Iterator[None]:
    before = file.read_bytes()
    file.write_bytes(before + text.encode("utf-8"))
    try:
        yield
    finally:
        file.write_bytes(before)


def test_the_real_content_loads(sandbox: Path) -> None:
    assert problems_in(sandbox) == []


# --- class 2: top-level files held to item rules ----------------------------------------------------


def test_theme_and_source_names_are_ids(sandbox: Path) -> None:
    themes = '"../../docs/index":\n  label: Escape\n  description: Up and out.\n"x){ onclick=alert(1) }(":\n  label: Click\n  description: A click.\nCase-Examples:\n  label: Capitals\n  description: Not an id.\n'
    sources = '"../sources":\n  title: T\n  publisher: P\n  date: "2020"\n  licence_note: None.\n'
    with appended(sandbox / "content/themes.yml", themes), appended(sandbox / "content/sources.yml", sources):
        assert problems_in(sandbox) == [
            "content/sources.yml:29:1: '../sources' is not a valid name: use lower-case words joined by hyphens, like 'culture-star'",
            "content/themes.yml:72:1: '../../docs/index' is not a valid name: use lower-case words joined by hyphens, like 'culture-star'",
            "content/themes.yml:75:1: 'x){ onclick=alert(1) }(' is not a valid name: use lower-case words joined by hyphens, like 'culture-star'",
            "content/themes.yml:78:1: 'Case-Examples' is not a valid name: use lower-case words joined by hyphens, like 'culture-star'",
        ]


@pytest.mark.parametrize("label", ["<img src=x onerror=alert(1)>", "Carers & families", 'The "best" way', "a > b"])
def test_a_theme_label_is_a_tag_and_holds_nothing_html_reads(sandbox: Path, label: str) -> None:
    theme = f"new-theme:\n  label: {json.dumps(label)}\n  description: A theme.\n"
    with appended(sandbox / "content/themes.yml", theme):
        assert problems_in(sandbox) == [
            "content/themes.yml:73:10: new-theme.label: a theme's label is also a tag on the site, which shows it as written: leave out <, >, & and \""
        ]


WEB_ADDRESS = "is not a web address: give a full address starting https:// or http://, or mailto: for an email address"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "//example.org/licence",
        "/licences/x",
        "https:/example.org",
        "https://example.org/a b",
        'https://example.org/" onclick="alert(1)',
        "ftp://example.org/",
    ],
)
def test_a_licence_address_must_be_a_web_address(sandbox: Path, url: str) -> None:
    quoted = '"' + url.replace('"', '\\"') + '"'
    source = f'new-source:\n  title: T\n  publisher: P\n  date: "2020"\n  licence:\n    name: Some licence\n    url: {quoted}\n'
    with appended(sandbox / "content/sources.yml", source):
        found = [line for line in problems_in(sandbox) if "control character" not in line]
    assert len(found) == 1
    assert found[0].startswith("content/sources.yml:35:10: new-source.licence.url: '")
    assert found[0].endswith(WEB_ADDRESS)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/", "HTTPS://Example.org/a?b=c#d", "  http://example.org  ", "mailto:someone@example.org"],
)
def test_web_and_email_addresses_are_fine_whatever_their_case_or_surrounding_spaces(sandbox: Path, url: str) -> None:
    source = f'new-source:\n  title: T\n  publisher: P\n  date: "2020"\n  url: "{url}"\n  licence:\n    name: L\n    url: "{url}"\n'
    with appended(sandbox / "content/sources.yml", source):
        library = load_library(sandbox)
    assert library.sources["new-source"].url == url.strip()


def test_a_javascript_source_address_is_refused_where_it_is_written(sandbox: Path) -> None:
    source = 'new-source:\n  title: T\n  publisher: P\n  date: "2020"\n  licence_note: None.\n  url: " JAVASCRIPT:alert(1)"\n'
    with appended(sandbox / "content/sources.yml", source):
        assert problems_in(sandbox) == [
            f"content/sources.yml:34:8: new-source.url: ' JAVASCRIPT:alert(1)' {WEB_ADDRESS}".replace(
                "' JAVASCRIPT", "'JAVASCRIPT"
            )
        ]


# --- class 5: control characters, and characters the fonts cannot print ---------------------------


@pytest.mark.parametrize(
    ("written", "where", "expected"),
    [
        ('title: "Test\\x1b[2J person"', "1:8: title", "control character '\\x1b' (U+001B ESCAPE)"),
        ('title: "Test\\0 person"', "1:8: title", "control character '\\x00' (U+0000 NULL)"),
        ('title: "Test\\r person"', "1:8: title", "control character '\\r' (U+000D CARRIAGE RETURN)"),
        ('title: "Test\\t person"', "1:8: title", "control character '\\t' (U+0009 CHARACTER TABULATION)"),
        ("title: Test\x7f person", "1:12", "control character '\\x7f' (U+007F DELETE)"),
        ("title: Test\u0090 person", "1:12", "control character '\\x90' (U+0090 CONTROL CHARACTER)"),
        (
            "title: Test \u202eperson",
            "1:13: title",
            "invisible formatting character '\\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE)",
        ),
        (
            'title: "Test \\u2066person"',
            "1:8: title",
            "invisible formatting character '\\u2066' (U+2066 LEFT-TO-RIGHT ISOLATE)",
        ),
        (
            "title: Test \ufeffperson",
            "1:13: title",
            "invisible formatting character '\\ufeff' (U+FEFF ZERO WIDTH NO-BREAK SPACE)",
        ),
    ],
)
def test_control_and_invisible_characters_are_refused_by_name(
    sandbox: Path, written: str, where: str, expected: str
) -> None:
    scenario = SCENARIO.replace("title: Test person", written)
    with placed(sandbox, {"content/scenarios/under-test.yml": scenario}):
        assert problems_in(sandbox) == [
            f"content/scenarios/under-test.yml:{where}: {expected} is not allowed in text; delete it"
        ]


def test_a_control_character_in_a_field_name_or_a_top_level_file_is_refused_too(sandbox: Path) -> None:
    scenario = SCENARIO + '"see\\x1b[2J": [sandra]\n'
    with (
        placed(sandbox, {"content/scenarios/under-test.yml": scenario}),
        appended(sandbox / "content/themes.yml", 'bell:\n  label: "Ding\\a"\n  description: A bell.\n'),
    ):
        found = problems_in(sandbox)
    assert (
        "content/scenarios/under-test.yml:7:1: control character '\\x1b' (U+001B ESCAPE) is not allowed in text; delete it"
        in found
    )
    assert (
        "content/themes.yml:73:10: bell.label: control character '\\x07' (U+0007 BELL) is not allowed in text; delete it"
        in found
    )
    assert all("\x1b" not in line and "\x07" not in line for line in found)


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_characters_yaml_takes_for_line_breaks_are_named_not_misread(sandbox: Path, char: str) -> None:
    scenario = SCENARIO.replace("title: Test person", f"title: Test{char}person")
    with placed(sandbox, {"content/scenarios/under-test.yml": scenario}):
        found = problems_in(sandbox)
    assert found == [
        f"content/scenarios/under-test.yml:1:12: {'control' if char == chr(0x85) else 'invisible formatting'} character '{char.encode('unicode_escape').decode()}' ({character_name(char)}) is not allowed in text; delete it"
    ]


CANNOT_PRINT = (
    "cannot be printed: the fonts the PDFs are printed in have no glyph for it; write it another way or leave it out"
)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("😀", "U+1F600 GRINNING FACE"),
        ("中", "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D"),
        ("\ue000", "U+E000 UNASSIGNED"),
        ("𝕏", "U+1D54F MATHEMATICAL DOUBLE-STRUCK CAPITAL X"),
    ],
)
def test_a_character_the_fonts_cannot_print_is_named_where_it_is_written(sandbox: Path, char: str, name: str) -> None:
    scenario = SCENARIO.replace("made up for", f"made {char} up for")
    with placed(sandbox, {"content/scenarios/under-test.yml": scenario}):
        shown = repr(char) if char.isprintable() else "'" + char.encode("unicode_escape").decode() + "'"
        assert problems_in(sandbox) == [
            f"content/scenarios/under-test.yml:3:24: summary: character {shown} ({name}) {CANNOT_PRINT}"
        ]


def test_the_shipped_fonts_cover_latin_extended_a_and_the_common_symbols() -> None:
    covered = font_coverage(REPO)
    wanted = [chr(code) for code in range(0x20, 0x7F)] + [chr(code) for code in range(0xA0, 0x180)]
    wanted += list("≤≥✓◦•–—‘’“”…→←ŵŷẁẃẅỳłčşŴŶ€£©®™°±×÷½¼¾№")
    assert [f"{char} {character_name(char)}" for char in wanted if ord(char) not in covered] == []


def test_welsh_polish_czech_and_turkish_text_and_common_symbols_pass(sandbox: Path) -> None:
    text = "Gŵyl ŷd, ẁ ẃ ẅ ỳ; Łódź, čaj, şeker; 1 ≤ 2 ≥ 0 ✓ ◦ • – — ‘a’ “b” … → ← Ĉ ĝ ŀ ŉ ſ"
    scenario = SCENARIO.replace("They want to keep doing what matters to them.", f'"{text}"')
    with placed(sandbox, {"content/scenarios/under-test.yml": scenario}):
        assert problems_in(sandbox) == []


# --- class 10: nothing in content/ skipped or followed silently ---------------------------------------


def test_yaml_in_a_subfolder_of_a_kind_or_at_the_top_of_content_is_refused(sandbox: Path) -> None:
    files = {
        "content/scenarios/drafts/test-person.yml": SCENARIO,
        "content/scenarios/drafts/older/another.yml": SCENARIO,
        "content/stray.yml": SCENARIO,
        "content/notes.txt": "notes",
        "content/drafts/test-person.yml": SCENARIO,
        "content/scenarios/.hidden.yml": SCENARIO,
        "content/scenarios/notes.md": "notes",
        "content/scenarios/.drafts/hidden-folder.yml": SCENARIO,
    }
    with (
        placed(sandbox, files),
        placed(sandbox, {"content/scenarios/.gitkeep": "", "content/scenarios/README.md": "x"}),
    ):
        assert problems_in(sandbox) == [
            "content/drafts/test-person.yml:1:1: unknown content folder 'drafts' (expected one of: audits, case-studies, comparisons, exercises, guidance, packs, principles, questions, quizzes, scenarios, stars, worksheets)",
            "content/notes.txt:1:1: files at the top of content/ are not read (only sources.yml, themes.yml and README.md are)",
            "content/scenarios/.drafts/hidden-folder.yml:1:1: files in subfolders of content/scenarios/ are not read; move it into content/scenarios/ itself, or delete it",
            "content/scenarios/.hidden.yml:1:1: names starting with '.' are hidden and not read; rename the file or delete it",
            "content/scenarios/drafts/older/another.yml:1:1: files in subfolders of content/scenarios/ are not read; move it into content/scenarios/ itself, or delete it",
            "content/scenarios/drafts/test-person.yml:1:1: files in subfolders of content/scenarios/ are not read; move it into content/scenarios/ itself, or delete it",
            "content/scenarios/notes.md:1:1: content files must end in .yml",
            "content/stray.yml:1:1: YAML files at the top of content/ are not read (only sources.yml and themes.yml are); put an item in the folder for its kind, such as content/exercises/",
        ]


def test_pipes_folders_named_like_files_and_every_kind_of_link_are_refused_without_being_opened(
    sandbox: Path, tmp_path: Path
) -> None:
    scenarios = sandbox / "content/scenarios"
    outside = tmp_path / "outside.yml"
    outside.write_text(SCENARIO, encoding="utf-8")
    os.mkfifo(scenarios / "pipe.yml")  # opening it for reading would wait for a writer for ever
    (scenarios / "folder.yml").mkdir()
    links = {
        "outside.yml": str(outside),
        "passwd.yml": "/etc/passwd",
        "dangling.yml": "nowhere.yml",
        "to-folder.yml": "../exercises",
        "sandra-again.yml": "sandra.yml",
    }
    for name, target in links.items():
        os.symlink(target, scenarios / name)
    os.symlink("scenarios", sandbox / "content/linked-kind")
    os.symlink(str(outside), sandbox / "content/themes-extra.yml")
    try:
        found = problems_in(sandbox)
    finally:
        for name in [*links, "pipe.yml"]:
            (scenarios / name).unlink()
        (scenarios / "folder.yml").rmdir()
        (sandbox / "content/linked-kind").unlink()
        (sandbox / "content/themes-extra.yml").unlink()
    assert found == [
        "content/linked-kind:1:1: this is a symbolic link to a folder; content must be in plain files, not links",
        "content/scenarios/dangling.yml:1:1: this is a symbolic link to 'nowhere.yml', which does not exist; content must be in plain files, not links",
        "content/scenarios/folder.yml:1:1: this is a folder, not a file; content must be in plain files",
        f"content/scenarios/outside.yml:1:1: this is a symbolic link to '{outside}', outside the project; content must be in plain files, not links",
        "content/scenarios/passwd.yml:1:1: this is a symbolic link to '/etc/passwd', outside the project; content must be in plain files, not links",
        "content/scenarios/pipe.yml:1:1: this is a named pipe, not a file; content must be in plain files",
        "content/scenarios/sandra-again.yml:1:1: this is a symbolic link to content/scenarios/sandra.yml; content must be in plain files, not links",
        "content/scenarios/to-folder.yml:1:1: this is a symbolic link to a folder; content must be in plain files, not links",
        f"content/themes-extra.yml:1:1: this is a symbolic link to '{outside}', outside the project; content must be in plain files, not links",
    ]


def test_a_hard_link_and_hidden_or_upper_case_yaml_are_refused(sandbox: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text(SCENARIO, encoding="utf-8")
    linked = sandbox / "content/scenarios/hard-linked.yml"
    os.link(outside, linked)  # the same file as one outside the project, under a second name
    try:
        with placed(sandbox, {"content/scenarios/.Hidden.YML": SCENARIO, "content/scenarios/upper.YML": SCENARIO}):
            found = problems_in(sandbox)
    finally:
        linked.unlink()
    assert found == [
        "content/scenarios/.Hidden.YML:1:1: names starting with '.' are hidden and not read; rename the file or delete it",
        "content/scenarios/hard-linked.yml:1:1: this file has other names (it is a hard link); content must be in plain files of its own, not links",
        "content/scenarios/upper.YML:1:1: content files must end in .yml",
    ]


def test_sources_and_themes_files_that_are_links_or_pipes_are_refused(sandbox: Path, tmp_path: Path) -> None:
    themes = sandbox / "content/themes.yml"
    kept = tmp_path / "themes.yml"
    shutil.move(themes, kept)
    os.mkfifo(themes)
    try:
        found = problems_in(sandbox)
    finally:
        themes.unlink()
        shutil.move(kept, themes)
    assert found == ["content/themes.yml:1:1: this is a named pipe, not a file; content must be in plain files"]


# --- class 11 (part): an unreadable file ------------------------------------------------------------


def test_an_unreadable_content_file_is_a_problem_not_a_traceback() -> None:
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.getuid() == 0 else []
    if as_nobody and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv, so nothing is unreadable")
    place = Path(tempfile.mkdtemp(prefix="hub-unreadable-"))  # outside pytest's folders, which only root may enter
    try:
        project = copy_project(place / "project")
        for folder, _, files in os.walk(place):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        (project / "content/scenarios/sandra.yml").chmod(0)
        (project / "content/guidance").chmod(0)
        code = "import sys; from hub.content import load_library; from hub.problems import ContentError\n"
        code += "try:\n    load_library(__import__('pathlib').Path('.'))\nexcept ContentError as error:\n"
        code += "    print(*error.problems, sep='\\n', file=sys.stderr)"
        done = subprocess.run(
            [*as_nobody, sys.executable, "-c", code],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        (place / "project/content/guidance").chmod(0o755)
        shutil.rmtree(place)
    assert "Traceback" not in done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("content/")]
    assert "content/guidance:1:1: cannot read this folder (permission denied)" in problems
    assert (
        "content/scenarios/sandra.yml:1:1: cannot read this file (permission denied); check that it exists and that you may read it"
        in problems
    )


# --- class 12: size bounds --------------------------------------------------------------------------


def test_a_file_over_1_mb_is_refused_before_it_is_read(sandbox: Path) -> None:
    big = sandbox / "content/scenarios/big.yml"
    with open(big, "wb") as file:
        file.truncate(600 * 1_000_000)  # sparse: 600 MB that take no disk
    try:
        assert problems_in(sandbox) == ["content/scenarios/big.yml:1:1: file is larger than 1 MB"]
    finally:
        big.unlink()


def test_long_titles_summaries_and_lists_are_refused(sandbox: Path) -> None:
    scenario = (
        SCENARIO.replace("title: Test person", "title: " + "x" * 900_00)
        .replace("summary: A person made up for a test.", "summary: " + "word " * 300)
        .replace("themes: [case-examples]", "themes: [" + ", ".join(["case-examples"] * 21) + "]")
    )
    with placed(sandbox, {"content/scenarios/under-test.yml": scenario}):
        assert problems_in(sandbox) == [
            f"content/scenarios/under-test.yml:1:8: title: is 90,000 characters long; at most {MAX_TITLE} are allowed, so shorten it",
            "content/scenarios/under-test.yml:3:10: summary: is 1,499 characters long; at most 1,000 are allowed, so shorten it",
            "content/scenarios/under-test.yml:4:9: themes: has 21 entries; at most 20 are allowed",
        ]


def test_a_number_with_thousands_of_digits_gets_a_plain_message(sandbox: Path) -> None:
    exercise = (REPO / "content/exercises/exercise-1-defining-the-approach.yml").read_text(encoding="utf-8")
    exercise = exercise.replace("number: 1\n", "number: " + "9" * 5000 + "\n", 1)
    with placed(sandbox, {"content/exercises/exercise-99-test.yml": exercise}):
        found = problems_in(sandbox)
    assert (
        "content/exercises/exercise-99-test.yml:2:9: number: expected a whole number such as 20, not a number 5,000 digits long"
        in found
    )
    assert not any("set_int_max_str_digits" in line for line in found)


# --- properties: any text in any field ends in valid content or clean problems, and never in live markup ---

PROPERTY_SETTINGS = settings(
    max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PIECES = [
    "[",
    "]",
    "(",
    ")",
    "!",
    "*",
    "_",
    "{",
    "}",
    "<",
    ">",
    ":",
    "`",
    "#",
    "|",
    "\\",
    '"',
    "'",
    "=",
    " ",
    "\n",
    "\n\n",
]
PIECES += [
    "javascript:",
    "JAVASCRIPT:",
    "file:///etc/passwd",
    "data:",
    "onclick",
    "onerror",
    "<img src=x ",
    "<script>",
    "</p>",
]
PIECES += ["https://example.org/", "{: ", "x", "ŵ", "\x1b", "\u202e", "😀", "-", "1.", "    ", "---", "[r]: "]
HOSTILE_TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), min_size=1, max_size=40).map("".join)


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sources, themes and one real scenario: loading takes milliseconds (fonts come from the program)."""
    project = tmp_path_factory.mktemp("small")
    (project / "content/scenarios").mkdir(parents=True)
    for name in ("content/sources.yml", "content/themes.yml", "content/scenarios/sandra.yml"):
        shutil.copyfile(REPO / name, project / name)
    return project


@PROPERTY_SETTINGS
@given(text=HOSTILE_TEXT, field=st.sampled_from(["title", "label", "summary", "text", "section"]))
def test_any_text_in_a_text_field_loads_or_fails_cleanly(small_project: Path, text: str, field: str) -> None:
    values = {
        "title": "Test person",
        "label": "Scenario 9",
        "summary": "A person.",
        "text": "Words.",
        "section": "Test",
    }
    values[field] = text
    quoted = {name: json.dumps(value) for name, value in values.items()}
    scenario = (
        f"title: {quoted['title']}\nlabel: {quoted['label']}\nsummary: {quoted['summary']}\nthemes: [case-examples]\n"
        f"source: {{document: iriss-leading-for-outcomes, section: {quoted['section']}}}\ntext: {quoted['text']}\n"
    )
    with placed(small_project, {"content/scenarios/under-test.yml": scenario}):
        found = problems_in(small_project)
    for line in found:
        assert line.startswith("content/scenarios/under-test.yml:"), line
        assert line.isprintable(), line


SITE_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
CONTEXTS = (
    "- [Item](item.md): {}\n",
    '<div markdown="1">\n{}\n</div>\n',
    '<p markdown="span">{}</p>\n',
    "<p>{}</p>\n",
    "# {}\n",
)


@PROPERTY_SETTINGS
@given(text=HOSTILE_TEXT)
def test_any_text_through_any_filter_in_any_context_is_never_live(text: str) -> None:
    author = AuthorText({"sandra": "scenarios/sandra/"})
    reader = markdown.Markdown(extensions=SITE_EXTENSIONS)
    outputs = [author.block(text), author.inline(text), plain_in_html(text)]
    for context in CONTEXTS:
        for output in [*outputs, plain_in_markdown(text)] if context.startswith("# ") else outputs:
            html = reader.reset().convert(context.format(output))
            tree = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
            assert tree.xpath("//img | //script | //iframe | //*[@*[starts-with(name(), 'on')]]") == [], html
            hrefs = [href.strip().lower() for href in tree.xpath("//a/@href")]
            assert all(
                href.startswith(("https:", "http:", "mailto:", "item.md", "../../scenarios/")) for href in hrefs
            ), html
