"""PDF/UA: every PDF of the built project passes two outside checkers, and its structure tree reaches all of it.

``pdfua`` (PyPI, pikepdf-based) checks a machine-checkable subset of PDF/UA-1 and ``qpdf --check`` the file's
syntax and streams.  pdfua 0.1.3 skips its empty-heading rule (UA-14-001) on WeasyPrint's files, through its own
bug with a heading whose ``/K`` is an array, so :func:`structure_problems` checks that, and what no checker here
looks at: that every marked-content item is reached from the structure tree (WeasyPrint 70 detached the page
furniture), that none is tagged inside an artifact, header scopes and the ``/IDTree``, and readable link texts.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from conftest import REPO, run_build
from hub.printing.printer import Printer

pytestmark = pytest.mark.e2e

MANAGER = "values=6,identity=4,outcomes=7,strengths=5,learning-and-change=3,community=8,co-production=4,communication=6"
STAFF = "values=7,identity=6,outcomes=7.5,strengths=6,learning-and-change=5,community=8,co-production=6,communication=7"
_OPERATORS = re.compile(rb"/(\w+)\s*(<<.*?>>)?\s*(BDC|BMC)\b|\bEMC\b|/([\w.]+)\s+Do\b", re.S)
_MCID = re.compile(rb"/MCID\s+(\d+)")
PACKS = tuple(sorted(path.stem for path in (REPO / "content/packs").glob("*.yml")))  # their PDFs' names begin so


def tool(name: str, how: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: {how}")
    return found


@pytest.fixture(scope="module")
def pdfs(built: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every PDF of the build, and a culture star filled in with two readings (``build.py star``)."""
    star = tmp_path_factory.mktemp("star") / "star.pdf"
    labels = ("--label", "Manager", "--compare-label", "Staff")
    result = run_build(built, "star", "--ratings", MANAGER, "--compare", STAFF, *labels, "-o", str(star))
    assert result.code == 0, result.stderr
    found = sorted((built / "site" / "pdf").glob("*.pdf"))
    assert len(found) > 100
    return [*found, star]


@pytest.fixture(scope="module", autouse=True)
def _forget_readers() -> Iterator[None]:
    yield
    read.cache_clear()


def test_pdfua_finds_no_error_and_no_warning(pdfs: list[Path]) -> None:
    pdfua = tool("pdfua", "pip install -r requirements-test.txt")
    done = subprocess.run(
        [pdfua, "check", "--format", "json", *map(str, pdfs)], capture_output=True, text=True, check=False
    )
    reports, text = [], done.stdout.strip()
    decoder = json.JSONDecoder()
    while text:  # one JSON object per file, one after another
        report, end = decoder.raw_decode(text)
        reports.append(report)
        text = text[end:].strip()
    assert len(reports) == len(pdfs), done.stderr
    findings = [
        f"{Path(report['file']).name}: {finding['rule_id']} {finding['severity']}: {finding['location']}: "
        f"{finding['message']}"
        for report in reports
        for finding in report["findings"]
        if finding["severity"] in ("error", "warning")
    ]
    assert findings == []
    assert done.returncode == 0, done.stderr


def test_qpdf_check_passes(pdfs: list[Path]) -> None:
    qpdf = tool("qpdf", "install the Debian package qpdf (make test-debs)")
    failures = []
    for pdf in pdfs:  # qpdf checks one file a run
        done = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            failures.append(f"{pdf.name}: exit {done.returncode}: {(done.stderr or done.stdout).strip()}")
    assert failures == []


def test_structure_tree_reaches_all_content(pdfs: list[Path]) -> None:
    problems = {pdf.name: found for pdf in pdfs if (found := structure_problems(pdf))}
    assert problems == {}


def test_page_furniture_is_an_artifact_and_each_running_footer_is_read_once(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        reader = read(pdf)
        qr_codes = [alt for role, alt in _roles_and_alts(reader) if role == "/Figure" and alt.startswith("QR code")]
        assert qr_codes, f"{pdf.name}: no QR code in the structure tree"
        if pdf.name.startswith(("cards-", "poster-")):
            continue  # no margins: a sheet's or a poster's footer is on the page itself
        for number, page in enumerate(reader.pages, start=1):
            content = page["/Contents"].get_object().get_data()
            if not re.search(rb"/Artifact\s*<</Type /Pagination/Subtype /Footer>>\s*BDC", content):
                # only a pack's blank left-hand page has no footer: its note is an artifact, and there is nothing else
                assert page.extract_text().strip() == "This page is intentionally blank", (pdf.name, number)
                assert b"/MCID" not in content and number % 2 == 0, (pdf.name, number)
        if not pdf.name.startswith(PACKS):  # packs and their participant sets: once for each exercise
            assert len(qr_codes) == 1, pdf.name  # a handout's footer once


def test_the_star_and_the_links_are_described(pdfs: list[Path]) -> None:
    alts = [alt for role, alt in _roles_and_alts(read(pdfs[-1])) if role == "/Figure"]
    star = next(alt for alt in alts if alt.startswith("The culture star"))
    assert "clockwise from the top: Values, Identity, Outcomes, Strengths" in star
    assert "Manager: Values 6, Identity 4, Outcomes 7," in star and "Staff: Values 7, Identity 6, Outcomes 7.5," in star
    blank = next(pdf for pdf in pdfs if pdf.name == "culture-star.pdf")
    assert any("Co-production and Communication." in alt for _, alt in _roles_and_alts(read(blank)))
    pack = next(pdf for pdf in pdfs if pdf.name == "full-day-part-two.pdf")
    contents = {str(annotation["/Contents"]) for annotation in _links(read(pack))}
    assert "Materials and room preparation, page 2" in contents  # the page after the contents
    assert any(re.fullmatch(r"Participant materials for Exercise \d+, page \d+", text) for text in contents)


def test_a_footer_in_a_group_with_a_link_a_decoration_and_a_table_with_row_headers(tmp_path: Path) -> None:
    """Furniture drawn inside a form XObject (``opacity``) still becomes an artifact; a link in it stays tagged;
    an ``aria-hidden`` drawing is an artifact, not a figure."""
    html = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Furniture</title></head><body>
<div class="running-footer" style="opacity: 0.8"><p>Source: a test, <a href="https://example.org/l">the licence</a></p>
</div>
<h1>Furniture</h1><p><a href="#scores">The scores</a></p>
<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="2mm" aria-hidden="true"><line x1="0" y1="1" x2="70" y2="1"
 stroke="#000"/></svg>
<table id="scores" style="break-before: page"><thead><tr><th scope="col">Point</th><th scope="col">Score</th></tr>
</thead><tbody><tr><th scope="row">Values</th><td>6</td></tr></tbody></table>
</body></html>"""
    pdf = tmp_path / "furniture.pdf"
    Printer(REPO, tmp_path / "cache").print_pdf(html, pdf, "furniture")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    assert structure_problems(pdf) == []
    groups = [
        x_object.get_object()
        for x_object in reader.pages[0]["/Resources"]["/XObject"].values()
        if x_object.get_object().get("/Subtype") == "/Form"
    ]
    assert any(b"/Subtype /Footer" in group.get_data() for group in groups)
    assert re.search(rb"/Artifact\s*<</Type /Layout>>\s*BDC", reader.pages[0]["/Contents"].get_object().get_data())
    assert [role for role, _ in _roles_and_alts(reader) if role == "/Figure"] == []
    contents = sorted(str(annotation["/Contents"]) for annotation in _links(reader))
    assert contents == ["The scores, page 2", "the licence", "the licence"]  # the footer's link on both pages
    scopes = [element["/A"]["/Scope"] for element in _elements(reader) if element["/S"] == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"]


# --- the structure tree ---------------------------------------------------------------------------------------


def _kids(element: DictionaryObject) -> list:
    kids = element.get("/K", [])
    return (
        [kid.get_object() if isinstance(kid, IndirectObject) else kid for kid in kids]
        if isinstance(kids, ArrayObject)
        else [kids.get_object() if isinstance(kids, IndirectObject) else kids]
    )


def _elements(reader: PdfReader) -> Iterator[DictionaryObject]:
    """The structure elements in reading order."""
    pending = list(reversed(_kids(reader.trailer["/Root"]["/StructTreeRoot"])))
    while pending:
        element = pending.pop()
        if isinstance(element, DictionaryObject) and "/S" in element:
            yield element
            pending += reversed(_kids(element))


def _roles_and_alts(reader: PdfReader) -> Iterator[tuple[str, str]]:
    for element in _elements(reader):
        yield str(element["/S"]), str(element.get("/Alt", ""))


def _links(reader: PdfReader) -> Iterator[DictionaryObject]:
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Link":
                yield annotation


def _marks_content(element: DictionaryObject) -> bool:
    return any(
        isinstance(kid, int) or (isinstance(kid, DictionaryObject) and _marks_content(kid)) for kid in _kids(element)
    )


@cache
def read(pdf: Path) -> PdfReader:
    """``pdf`` read once for all the tests here."""
    return PdfReader(pdf)


def structure_problems(pdf: Path) -> list[str]:
    """What keeps the structure tree of ``pdf`` from describing all of its content, in words."""
    reader = read(pdf)
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    problems = []
    reached: dict[tuple[int, int], int] = {}  # (page, MCID) -> the element that holds it
    reached_elements: set[int] = set()
    id_tree = root.get("/IDTree", {}).get("/Names", [])
    ids = {str(id_tree[i]) for i in range(0, len(id_tree), 2)}
    for element in _elements(reader):
        role = element["/S"]
        reached_elements.add(element.indirect_reference.idnum)
        page = pages.get(element.raw_get("/Pg").idnum) if "/Pg" in element else None
        for kid in _kids(element):
            if isinstance(kid, int):
                reached[(page, kid)] = element.indirect_reference.idnum
        attributes = element.get("/A", {})
        if role == "/Figure" and not str(element.get("/Alt", "")).strip():
            problems.append(f"a figure on page {page + 1} has no alt text")
        if role == "/TH" and attributes.get("/Scope") not in ("/Row", "/Column", "/Both"):
            problems.append(f"a header cell on page {page + 1} has no /Scope")
        if role == "/TD" and not {str(header) for header in attributes.get("/Headers", [])} <= ids:
            problems.append(f"a cell on page {page + 1} names a header that the /IDTree lacks")
        if re.fullmatch(r"/H\d", role) and not _marks_content(element):
            problems.append(f"an empty heading {role} on page {page + 1}")
    parent_tree = root["/ParentTree"]["/Nums"]
    parents = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
    for number, page in enumerate(reader.pages):
        marks = parents.get(number, [])
        for mcid, inside_artifact in _marked_content(page["/Contents"].get_object().get_data(), page["/Resources"]):
            where = f"page {number + 1} MCID {mcid}"
            if inside_artifact:
                problems.append(f"{where} is tagged inside an artifact")
            elif (number, mcid) not in reached:
                problems.append(f"{where} is not reached from the structure tree")
            elif mcid >= len(marks) or getattr(marks[mcid], "idnum", None) != reached[(number, mcid)]:
                problems.append(f"{where}: the parent tree names another element")
    for annotation in _links(reader):
        parent = parents.get(annotation.get("/StructParent", -1))
        if parent is None or parent.idnum not in reached_elements:
            problems.append(f"a link annotation ({annotation.get('/Contents')}) is not in the structure tree")
        contents = str(annotation.get("/Contents", ""))
        if not contents or re.fullmatch(r"[a-z0-9-]+", contents) or contents == str(annotation.get("/Dest", "")):
            problems.append(f"a link is described by {contents!r}")
    return problems


def _marked_content(data: bytes, resources: DictionaryObject, artifact: bool = False) -> Iterator[tuple[int, bool]]:
    """Each marked-content id in a content stream and the forms it draws, and whether it is inside an artifact."""
    stack = [artifact]  # for each open sequence: is it, or one around it, an artifact?
    for match in _OPERATORS.finditer(data):
        if match.group(0) == b"EMC":
            stack.pop()
        elif match.group(4):  # a form XObject is drawn inside the sequences open around it
            x_object = resources.get("/XObject", {}).get("/" + match.group(4).decode())
            if x_object is not None and x_object.get_object().get("/Subtype") == "/Form":
                form = x_object.get_object()
                yield from _marked_content(form.get_data(), form.get("/Resources", resources), stack[-1])
        else:
            if (mcid := _MCID.search(match.group(2) or b"")) is not None:
                yield int(mcid.group(1)), stack[-1]
            stack.append(stack[-1] or match.group(1) == b"Artifact")
