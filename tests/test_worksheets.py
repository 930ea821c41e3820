"""Worksheets: every one in the sources as a printable page with writing space and as a fillable PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import REPO
from hub.content import load_library
from hub.content.schemas import TableBlock
from hub.model.sheets import FieldNames, is_fill_in, sheet_from_block

EXERCISE_3 = "exercise-3-challenges-of-getting-outcomes-into-practice"
EXERCISE_6 = "exercise-6-risk-taking"
EXERCISE_7 = "exercise-7-what-difference-has-the-approach-made"

# printable PDF, fillable PDF, what the sheet is called in it, how many fields, some field names
WORKSHEETS = [
    (f"{EXERCISE_3}-worksheet", f"{EXERCISE_3}-worksheet-fillable", "Challenges chart", 24, [
        "challenge-1",
        "challenge-1-level-of-significance",
        "challenge-1-planned-action-individual-level",
        "challenge-6-planned-action-organisational-level",
    ]),
    (f"{EXERCISE_6}-worksheet", f"{EXERCISE_6}-worksheet-fillable", "Risks table", 46, [
        "risks-to-people-that-receive-support-risk",
        "risks-to-provider-likelihood",
        "risks-to-provider-action",
        "risks-to-provider-2-impact",
        "maintaining-the-status-quo-2-action",
        "risks-table-row-4-category",
    ]),
    (f"{EXERCISE_7}-worksheet", f"{EXERCISE_7}-worksheet-fillable", "Progress chart", 7, [
        "think-of-an-outcome-you-have",
        "what-factors-hindered-progress",
    ]),
    ("learning-log", "learning-log-fillable", "What worked?", 5, [
        "what-worked",
        "what-didnt-work",
        "significant-learning",
        "practical-application-of-learning",
        "longer-term-actions-that-i-need",
    ]),
    ("supported-leadership-chart", "supported-leadership-chart-fillable", "Supported leadership chart", 8, [
        "supported-leadership-chart-1",
        "supported-leadership-chart-8",
    ]),
    ("culture-analysis-template", "culture-analysis-template-fillable", "Area of analysis", 16, [
        "values-whats-your-analysis-shown",
        "communication-what-impact-does-this",
    ]),
    ("culture-action-plan", "culture-action-plan-fillable", "Action plan", 40, [
        "values-action-required",
        "co-production-whose-job",
        "communication-evidence-of-outcome",
    ]),
    ("culture-review", "culture-review-fillable", "Review", 40, [
        "values-status-red-amber-green",
        "learning-and-change-progress-made",
        "communication-comments-future-activity",
    ]),
    ("training-priorities", "training-priorities-fillable", "What are your training priorities?", 14, [
        "need-1-before-training",
        "need-7-after-training",
    ]),
    ("culture-star", "culture-star-fillable", "Your scores", 24, [
        "values-score",
        "learning-and-change-score",
        "communication-score",
        "values-whats-your-analysis-shown",
        "communication-what-impact-does-this",
    ]),
]  # fmt: skip
NAMES = [worksheet[0] for worksheet in WORKSHEETS]


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("printable", "fillable", "heading", "count", "names"), WORKSHEETS, ids=[w[0] for w in WORKSHEETS]
)
def test_each_worksheet_has_named_fields_that_keep_what_is_typed(
    built: Path, tmp_path: Path, printable: str, fillable: str, heading: str, count: int, names: list[str]
) -> None:
    reader = PdfReader(built / "site/pdf" / f"{fillable}.pdf")
    fields = reader.get_fields()
    assert len(fields) == count
    for name in names:
        assert name in fields, (name, sorted(fields))
    for name, found in fields.items():
        assert found.get("/TU"), name  # an accessible name for each field
        assert found["/FT"] == "/Tx"
        assert found.get("/V", "") == ""
    assert heading in pdf_text(built / "site/pdf" / f"{fillable}.pdf")

    writer = PdfWriter(clone_from=reader)
    typed = {names[0]: "Staff worry about being blamed", names[-1]: "7"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, typed, auto_regenerate=False)
    writer.write(tmp_path / "filled.pdf")
    saved = PdfReader(tmp_path / "filled.pdf").get_fields()
    assert {name: saved[name]["/V"] for name in typed} == typed


@pytest.mark.e2e
@pytest.mark.parametrize(("printable", "heading"), [(w[0], w[2]) for w in WORKSHEETS], ids=NAMES)
def test_each_printable_worksheet_has_writing_space_and_no_fields(built: Path, printable: str, heading: str) -> None:
    path = built / "site/pdf" / f"{printable}.pdf"
    reader = PdfReader(path)
    assert not reader.get_fields()
    assert heading in pdf_text(path)
    assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.e2e
def test_wide_worksheets_are_landscape_and_narrow_ones_portrait(built: Path) -> None:
    def size(name: str) -> tuple[float, float]:
        box = PdfReader(built / "site/pdf" / f"{name}.pdf").pages[0].mediabox
        return float(box.width), float(box.height)

    for name in ("culture-action-plan-fillable", "culture-review", "exercise-6-risk-taking-worksheet"):
        width, height = size(name)
        assert width > height, name
    for name in ("learning-log", "learning-log-fillable", "culture-star-fillable"):
        width, height = size(name)
        assert width < height, name


@pytest.mark.e2e
def test_fillable_and_printable_worksheets_are_linked_from_their_pages(built: Path) -> None:
    library = load_library(built)
    for printable, fillable, *_ in WORKSHEETS:
        entry_id = printable.removesuffix("-worksheet")
        entry = library.entries[entry_id]
        html = (built / "site" / entry.kind.folder / entry_id / "index.html").read_text(encoding="utf-8")
        assert f'href="../../pdf/{fillable}.pdf"' in html, entry_id
        assert f'href="../../pdf/{printable}.pdf"' in html, entry_id


def test_only_tables_with_a_column_to_fill_in_become_worksheets() -> None:
    library = load_library(REPO)
    fill_in_tables = [
        (entry.id, block.title)
        for entry in library.entries.values()
        for block in [*getattr(entry.item, "training_materials", []), *getattr(entry.item, "body", [])]
        if isinstance(block, TableBlock) and is_fill_in(block)
    ]
    assert fill_in_tables == [("exercise-6-risk-taking", "Risks table")]


def test_risk_table_keeps_its_examples_and_adds_rows_to_write_in() -> None:
    library = load_library(REPO)
    table = library.entries["exercise-6-risk-taking"].item.training_materials[0]
    sheet = sheet_from_block(table, FieldNames())
    assert len(sheet.rows) == len(table.rows) + 4
    provider = sheet.rows[2]
    assert [cell.text for cell in provider] == [
        "Risks to provider",
        "*e.g. risk of reputation if something goes wrong*",
        "",
        "",
        "",
    ]
    assert [cell.field.name for cell in provider if cell.field] == [
        "risks-to-provider-likelihood",
        "risks-to-provider-impact",
        "risks-to-provider-action",  # the cell that says what to write there is a field, with that as its hint
    ]
    assert provider[4].hint == "short summary notes of what action could be taken"
    assert len({field.name for field in sheet.fields}) == len(sheet.fields)
