"""What every printed page of every PDF carries, and how every PDF is made.

Every page: a QR code and short link to the item's page on the site, the
source and licence, and the build date. Every PDF: tagged (PDF/UA-1), titled,
with bookmarks and embedded fonts, and on A4 unless US Letter or large print
is asked for. That every PDF is byte-identical when built again is checked with
the whole site, in test_reliability_reproducible.py.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from conftest import EPOCH, SITE_URL, Run, run_build
from hub import pipeline
from hub.cli import main as cli
from hub.printing.printer import Printer
from hub.settings import Paper, Settings

pytestmark = pytest.mark.e2e  # the shared build's PDFs, and WeasyPrint

SHORT_SITE = SITE_URL.removeprefix("https://")
BUILD_DATE = "Outcomes Hub edition of 1 January 2026"
A4 = (595, 842)
ZBAR = "{http://zbar.sourceforge.net/2008/barcode}"
LETTER = (612, 792)
BLANK_NOTE = "This page is intentionally blank"  # a pack's left-hand page left empty carries nothing else


def pdfs(built: Path) -> list[Path]:
    found = sorted((built / "site/pdf").glob("*.pdf"))
    assert len(found) > 100
    return found


# A PDF from each print template: the handout of every kind, both exercise handouts, worksheets
# printable and fillable, the culture star, card decks, posters on A4 and A3, and a workshop pack.
ONE_OF_EACH = [
    "exercise-1-defining-the-approach-facilitator.pdf", "exercise-1-defining-the-approach-participant.pdf",
    "exercise-3-challenges-of-getting-outcomes-into-practice-worksheet.pdf",
    "exercise-3-challenges-of-getting-outcomes-into-practice-worksheet-fillable.pdf",
    "sandra.pdf", "catriona.pdf", "what-are-personal-outcomes.pdf", "conversational-traps.pdf",
    "exploratory-questions.pdf", "service-led-and-outcomes-focused-pon-2022.pdf", "culture-review.pdf",
    "culture-review-fillable.pdf", "training-priorities.pdf", "culture-star.pdf", "culture-star-fillable.pdf",
    "personal-outcomes-quiz-participant.pdf", "personal-outcomes-quiz-facilitator.pdf", "cards-scenarios.pdf",
    "poster-principles-underpinning-practice-names-a4.pdf", "poster-recording-principles-a3.pdf",
    "two-hour-part-one.pdf",
]  # fmt: skip


def page_texts(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in done.stdout.split("\f")[:-1]]


def qr_codes_by_page(pdfs: list[Path], folder: Path) -> dict[Path, list[list[str]]]:
    """What the QR codes on each page of each PDF say, read from the pages drawn at 200 dpi.

    The pages are drawn in grey (PGM: no PNG to compress) and all read by one zbarimg,
    whose start-up costs more than reading a page.
    """
    pages: dict[Path, list[Path]] = {}
    for number, pdf in enumerate(pdfs):
        subprocess.run(["pdftoppm", "-r", "200", "-gray", str(pdf), str(folder / f"{number}")], check=True)
        pages[pdf] = sorted(folder.glob(f"{number}-*.pgm"))
    images = [str(image) for images in pages.values() for image in images]
    done = subprocess.run(["zbarimg", "-q", "--xml", *images], capture_output=True, text=True, check=False)
    found: dict[str, list[str]] = {}
    for source in ElementTree.fromstring(done.stdout).iter(f"{ZBAR}source"):
        found[source.get("href", "")] = [data.text or "" for data in source.iter(f"{ZBAR}data")]
    for image in images:
        Path(image).unlink()
    return {pdf: [found.get(str(image), []) for image in images] for pdf, images in pages.items()}


@pytest.fixture(scope="module")
def qr_codes(tmp_path_factory: pytest.TempPathFactory) -> Callable[[list[Path]], dict[Path, list[list[str]]]]:
    """``qr_codes_by_page`` that reads each PDF once for the whole module."""
    folder, known = tmp_path_factory.mktemp("qr"), {}

    def read(pdfs: list[Path]) -> dict[Path, list[list[str]]]:
        if unread := [pdf for pdf in pdfs if pdf not in known]:
            known.update(qr_codes_by_page(unread, folder))
        return {pdf: known[pdf] for pdf in pdfs}

    return read


def site_page(built: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return built / "site" / url[len(SITE_URL) :] / "index.html"


def test_every_page_of_every_pdf_names_its_source_its_link_and_the_build_date(built: Path) -> None:
    for pdf in pdfs(built):
        for number, text in enumerate(page_texts(pdf), start=1):
            where = f"{pdf.name} page {number}"
            if text == BLANK_NOTE:
                assert number % 2 == 0, where  # a left-hand page, left empty so the next section starts on a right
                continue
            assert "Source:" in text, where
            assert "Licence: Creative Commons" in text or "No licence is stated" in text, where
            assert SHORT_SITE in text, where
            assert BUILD_DATE in text, where


def test_qr_codes_on_every_page_lead_to_pages_of_the_site(built: Path, qr_codes: Callable) -> None:
    for pdf, codes in qr_codes([built / "site/pdf" / name for name in ONE_OF_EACH]).items():
        assert codes, pdf.name
        texts = page_texts(pdf)
        for number, found in enumerate(codes, start=1):
            if texts[number - 1] == BLANK_NOTE:
                assert found == [], f"{pdf.name} page {number}: {found}"
                continue
            assert len(found) == 1, f"{pdf.name} page {number}: {found}"
            assert site_page(built, found[0]).is_file(), f"{pdf.name} page {number}: {found[0]}"


def test_a_pack_links_its_front_pages_to_its_page_and_each_exercise_to_the_exercise(
    built: Path, qr_codes: Callable
) -> None:
    (codes,) = qr_codes([built / "site/pdf/two-hour-part-one.pdf"]).values()
    pack = f"{SITE_URL}packs/two-hour-part-one/"
    first = f"{SITE_URL}exercises/exercise-1-defining-the-approach/"
    second = f"{SITE_URL}exercises/exercise-2-outcomes-focused-and-service-led-compared/"
    blank: list[str] = []  # a left-hand page left empty, so that the next section starts on a right-hand one
    # each sheet handed out later starts a fresh sheet too, after a blank
    assert codes == [[pack]] * 2 + [[first], blank] * 4 + [[second], blank] * 2 + [[second]]
    texts = page_texts(built / "site/pdf/two-hour-part-one.pdf")
    assert f"Online: {SHORT_SITE}packs/two-hour-part-one/" in texts[0]
    assert f"Online: {SHORT_SITE}exercises/exercise-1-defining-the-approach/" in texts[2]
    assert "Exercise one (pages 11-15)" in texts[2]


def test_every_pdf_is_tagged_titled_bookmarked_and_embeds_its_fonts(built: Path) -> None:
    for pdf in pdfs(built):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], pdf.name
        assert root["/Lang"] == "en-GB", pdf.name
        assert reader.metadata.title, pdf.name
        assert reader.outline, pdf.name
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows, pdf.name
        for row in rows:
            assert row.split()[-5] == "yes", (pdf.name, row)  # the "emb" column


def test_pdfs_are_a4_unless_they_are_posters(built: Path) -> None:
    for pdf in pdfs(built):
        if "poster" in pdf.name:
            continue
        for page in PdfReader(pdf).pages:
            size = sorted(round(float(side)) for side in page.mediabox[2:])
            assert tuple(size) == A4, pdf.name


def body_sizes(pdf: Path) -> Counter[float]:
    """How many characters of the page bodies are set at each size, in points."""
    sizes: Counter[float] = Counter()
    reader = PdfReader(pdf)
    height = float(reader.pages[0].mediabox[3])

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        top = height - (tm[5] * cm[3] + cm[5])
        # Below the header, above the footer, and not the 1pt labels that only screen readers find.
        if text.strip() and 60 < top < height - 130 and size * abs(tm[3] * cm[3]) > 1.5:
            sizes[round(size * abs(tm[3] * cm[3]), 1)] += len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("paper", [Paper("letter", False), Paper("letter", True), Paper("a4", True)])
def test_letter_and_large_print_for_every_kind_of_handout_and_packs(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: Paper
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    _, rendered = pipeline.read_and_render(Settings.load(built, paper=paper, epoch=int(EPOCH)))
    assert all(f'<html lang="en-GB" class="{paper.html_classes}">' in job.html for job in rendered.print_jobs[:5])
    wanted = {"exercise-1-defining-the-approach-facilitator", "sandra", "culture-review", "team-meeting-60-minutes"}
    printer = Printer(built, tmp_path / "cache")
    for job in rendered.print_jobs:
        name = Path(job.pdf_path).stem
        if name not in wanted:
            continue
        target = tmp_path / f"{name}.pdf"
        printer.print_pdf(job.html, target, job.label)
        sizes = {tuple(sorted(round(float(side)) for side in page.mediabox[2:])) for page in PdfReader(target).pages}
        assert sizes == {LETTER if paper.size == "letter" else A4}, name
        if paper.large_print:
            body = body_sizes(target)
            common = body.most_common(1)[0][0]
            assert common >= 16, (name, body)
            assert sum(count for size, count in body.items() if size < 14) < sum(body.values()) / 20, (name, body)
        assert page_texts(target)[0].count(BUILD_DATE) == 1


def test_build_and_pack_take_the_paper_options(
    monkeypatch: pytest.MonkeyPatch, project: Path, run_in_process: Callable[..., Run]
) -> None:
    asked: list[Paper] = []

    def fake_build(settings: Settings, progress: object = None, with_site: bool = True, **options: object):
        asked.append(settings.paper)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build", fake_build)
    assert cli.main(["build", "--paper", "Letter", "--large-print"]) == 130
    assert cli.main(["build"]) == 130
    assert asked == [Paper("letter", True), Paper("a4", False)]

    out = project / "pack.pdf"
    result = run_in_process(project, "pack", "--exercise", "8", "--paper", "Letter", "-o", str(out))
    assert (result.code, result.stderr) == (0, ""), result.stderr
    sizes = {tuple(sorted(round(float(side)) for side in page.mediabox[2:])) for page in PdfReader(out).pages}
    assert sizes == {LETTER}
    assert body_sizes(out).most_common(1)[0][0] < 16  # --paper alone does not ask for large print


def test_a_pack_on_letter_in_large_print(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "large.pdf"
    result = run_build(project, "pack", "--exercise", "8", "--paper", "letter", "--large-print", "-o", str(out))
    assert result.code == 0, result.stderr
    reader = PdfReader(out)
    assert {tuple(round(float(s)) for s in page.mediabox[2:]) for page in reader.pages} == {LETTER}
    assert body_sizes(out).most_common(1)[0][0] >= 16
    assert os.path.getsize(out) > 0
