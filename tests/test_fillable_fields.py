"""Worksheets to fill in, read back from the PDFs: every writable cell a field, long answers in multi-line
fields set at auto size, each field described once, and no row of a table alone on a page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from hub.content import load_library
from hub.model.sheet_parts import sheet_parts

pytestmark = pytest.mark.e2e

MULTILINE = 1 << 12  # /Ff bit 13


def worksheet_pdfs(built: Path) -> list[Path]:
    found = sorted(
        pdf for pdf in (built / "site/pdf").glob("*.pdf") if "worksheet" in pdf.stem or pdf.stem.endswith("fillable")
    )
    assert len(found) >= 13
    return [*found, built / "site/pdf/culture-star.pdf"]


def widgets(pdf: Path) -> list[DictionaryObject]:
    return [
        annotation.get_object()
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/FT") == "/Tx"
    ]


def font_size(appearance: str) -> float:
    """The size in a field's default appearance, ``/F 10 Tf`` → 10 (0 is auto)."""
    words = appearance.split()
    return float(words[words.index("Tf") - 1])


CONTAINERS = {"/Document", "/Part", "/Sect", "/Div", "/Art", "/NonStruct"}


def table_rows_by_page(pdf: Path) -> list[list[int]]:
    """For each table, how many of its body rows are on each page it is on, from the PDF's structure tree.

    WeasyPrint tags a table that runs over pages as one ``/Table`` a page (each in the page's ``/Part``); read in
    order, with the containers around them left aside, ``/Table`` elements that follow one another are one table."""
    reader = PdfReader(pdf)
    order: list[int | None] = []  # each table's body rows, or None for anything else, in reading order

    def kids(element: DictionaryObject) -> list:
        found = element.get("/K")
        found = found if isinstance(found, list) else [found] if found is not None else []
        return [kid.get_object() for kid in found if not isinstance(kid, int)]

    def walk(element: DictionaryObject) -> None:
        for kid in kids(element):
            if not isinstance(kid, DictionaryObject) or "/S" not in kid:
                continue
            if kid["/S"] == "/Table":
                bodies = [part for part in kids(kid) if part.get("/S") == "/TBody"]
                order.append(sum(1 for body in bodies for row in kids(body) if row.get("/S") == "/TR"))
            elif kid["/S"] in CONTAINERS:
                walk(kid)
            else:
                order.append(None)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    tables: list[list[int]] = []
    for before, rows in zip([None, *order], order, strict=False):
        if rows is not None:
            if before is None:
                tables.append([])
            tables[-1].append(rows)
    return tables


def test_long_answers_are_multi_line_fields_at_auto_size_and_scores_one_line(built: Path) -> None:
    counts = Counter()
    for pdf in worksheet_pdfs(built):
        for field in widgets(pdf):
            where = (pdf.name, field["/T"])
            if "/MaxLen" in field:  # a score or a rating: one line, at the size of its box
                assert not int(field.get("/Ff", 0)) & MULTILINE and font_size(field["/DA"]) >= 10, where
                counts["short"] += 1
            else:  # an answer in words: as many lines as it takes, shrinking to fit the box
                assert int(field.get("/Ff", 0)) & MULTILINE and font_size(field["/DA"]) == 0, where
                counts["long"] += 1
    assert counts["short"] >= 22 and counts["long"] >= 150, counts


def test_every_writable_cell_has_its_field_and_every_field_its_own_description(built: Path) -> None:
    library = load_library(built)
    for pdf in worksheet_pdfs(built):
        fields = widgets(pdf)
        if not pdf.stem.endswith("fillable"):
            assert fields == [], pdf.name
            continue
        item = library.entries[pdf.stem.removesuffix("-fillable").removesuffix("-worksheet")].item
        only_fill_in = pdf.stem.endswith("-worksheet-fillable")
        expected = [f for part in sheet_parts(item, only_fill_in, library) if part.sheet for f in part.sheet.fields]
        assert sorted(str(field["/T"]) for field in fields) == sorted(f.name for f in expected), pdf.name
        descriptions = Counter(str(field["/TU"]) for field in fields)
        assert [text for text, count in descriptions.items() if count > 1] == [], pdf.name
    action = next(f for f in widgets(built / "site/pdf/exercise-6-risk-taking-worksheet-fillable.pdf")
                  if f["/T"] == "risks-to-provider-action")  # fmt: skip
    assert action["/TU"].startswith("Risks to provider (e.g. risk of reputation if something goes wrong): Action")


def test_no_row_of_a_table_is_alone_on_a_page(built: Path) -> None:
    split = 0
    for pdf in worksheet_pdfs(built):
        for pages in table_rows_by_page(pdf):
            if len(pages) > 1:
                split += 1
                assert min(pages) >= 2, (pdf.name, pages)
    assert split >= 3  # some tables do run over pages
