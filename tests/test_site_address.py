"""Where printed pages point: the site's published address, from the deployment (HUB_SITE_URL or --site-url)
over mkdocs.yml's; while that is a placeholder, no PDF carries a QR code or a link to it, and the run says so once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EPOCH, SITE_URL, run_build
from hub import pipeline
from hub.printing.printer import Printer
from hub.settings import Settings

pytestmark = pytest.mark.e2e

RATINGS = "values=6,identity=4,outcomes=7,strengths=5,learning-and-change=3,community=8,co-production=4,communication=6"
NOTE = "Note: the site address https://outcomes-hub.example.org/ is a placeholder"
# One PDF of each print template: handout, worksheet (fillable), card deck, poster, workshop pack, the star.
ONE_OF_EACH = (
    "exercise-6-risk-taking-facilitator",
    "exercise-6-risk-taking-worksheet-fillable",
    "cards-recording-principles",
    "poster-service-led-and-outcomes-focused-pon-2022-a3",
    "team-meeting-60-minutes",
    "culture-star",
)


def images_and_links(pdf: Path) -> tuple[int, list[str]]:
    """How many images the PDF's pages draw, and the addresses its link annotations go to."""
    images, links = 0, []
    for page in PdfReader(pdf).pages:
        images += len(page.images)
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                links.append(str(action["/URI"]))
    return images, links


def qr_codes(pdf: Path, folder: Path) -> list[str]:
    """What the QR codes on the PDF's pages say (pages drawn at 200 dpi in grey)."""
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(folder / pdf.stem)], check=True)
    found = []
    for image in sorted(folder.glob(f"{pdf.stem}-*.png")):
        done = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, check=False)
        found += done.stdout.split()
    return found


def test_with_a_placeholder_address_no_pdf_has_a_qr_code_or_a_link_to_it(project: Path, tmp_path: Path) -> None:
    """Every PDF's HTML, and one PDF of each kind printed, read with pypdf."""
    placeholder = Settings.load(project, epoch=int(EPOCH))  # mkdocs.yml's site_url, outcomes-hub.example.org
    assert not placeholder.published
    _, rendered = pipeline.read_and_render(placeholder)
    assert len(rendered.print_jobs) > 100
    for job in rendered.print_jobs:
        assert 'class="qr"' not in job.html and "Online:" not in job.html, job.pdf_path
        assert "example.org" not in job.html, job.pdf_path
        assert "Outcomes Hub edition of 1 January 2026" in job.html, job.pdf_path
    printer = Printer(project, tmp_path / "cache")
    by_name = {Path(job.pdf_path).stem: job for job in rendered.print_jobs}
    for name in ONE_OF_EACH:
        target = tmp_path / f"{name}.pdf"
        printer.print_pdf(by_name[name].html, target, name)
        images, links = images_and_links(target)
        assert images == 0, name  # the QR code is the only image these PDFs would have
        assert not [link for link in links if "example.org" in link], (name, links)
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "Online:" not in text and "example.org" not in text, name


def test_a_placeholder_address_is_reported_once_and_a_real_one_is_encoded(project: Path, tmp_path: Path) -> None:
    star = project / "star.pdf"
    result = run_build(project, "star", "--ratings", RATINGS, "-o", str(star), site_url=None)
    assert result.code == 0, result.stderr
    assert result.stderr.count("Note: the site") == 1 and NOTE in result.stderr, result.stderr
    assert images_and_links(star)[0] == 0
    assert qr_codes(star, tmp_path) == []

    result = run_build(project, "star", "--ratings", RATINGS, "-o", str(star))  # HUB_SITE_URL=SITE_URL
    assert (result.code, result.stderr) == (0, "")
    assert qr_codes(star, tmp_path) == [f"{SITE_URL}stars/culture-star/"]

    flag = "https://hub.care-scotland.org/outcomes/"  # the flag outranks the environment
    result = run_build(project, "star", "--ratings", RATINGS, "--site-url", flag, "-o", str(star))
    assert (result.code, result.stderr) == (0, "")
    assert qr_codes(star, tmp_path) == [f"{flag}stars/culture-star/"]
    text = subprocess.run(["pdftotext", str(star), "-"], capture_output=True, text=True, check=True).stdout
    assert "Online: hub.care-scotland.org/outcomes/stars/culture-star/" in text


@pytest.mark.parametrize(
    ("args", "site_url", "message"),
    [
        (("--site-url", "outcomes-hub.org"), None, "argument --site-url: expected the site's address"),
        (("--site-url", "ftp://outcomes-hub.org/"), None, "argument --site-url: expected the site's address"),
        ((), "not an address", "HUB_SITE_URL: expected the site's address"),
    ],
)
def test_an_address_that_is_not_one_is_a_usage_error(
    project: Path, args: tuple[str, ...], site_url: str | None, message: str
) -> None:
    result = run_build(project, "star", "--ratings", RATINGS, *args, "-o", "x.pdf", site_url=site_url)
    assert result.code == 2 and message in result.stderr, result.stderr
    assert not (project / "x.pdf").exists()


def test_the_site_is_built_for_the_same_address(built: Path) -> None:
    page = (built / "site/stars/culture-star/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}stars/culture-star/">' in page
    assert "outcomes-hub.example.org" not in (built / "site/sitemap.xml").read_text(encoding="utf-8")
