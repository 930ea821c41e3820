"""Two clean builds of the same sources with the same SOURCE_DATE_EPOCH, in different folders, give
byte-identical sites, PDFs included.

The second build is made from a copy of the shared build's sources in another folder. Every page is generated
again; PDFs are printed again for one PDF of every print template and paper (every kind of PDF the hub makes; the
smallest of each),
and the rest are taken from a copy of the first build's PDF cache, whose entries are checked against their
stored hashes. So every kind of PDF is shown to print the same bytes in another folder and process, at a
tenth of the cost of printing all of them again (the print pool's test shows the same for one process and many).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import EPOCH, copy_project, run_build, tree_snapshot
from hub.pipeline.run import read
from hub.render import Renderer
from hub.settings import Settings

pytestmark = pytest.mark.e2e  # a second build


def one_pdf_of_each_template(project: Path, site: Path) -> list[str]:
    """The site paths of the smallest PDF (in ``site``, as built before) of each print template (and paper, for
    posters): every kind of PDF, at the least cost (a pack of one short exercise, not the full day's)."""
    settings = Settings.load(project, epoch=int(EPOCH))
    chosen: dict[tuple[str, str], tuple[int, str]] = {}
    for output in Renderer(read(settings), settings, keep_compiled=False).outputs():
        if output.is_pdf and output.template is not None:
            paper = "a3" if output.path.endswith("-a3.pdf") else ""
            size = (site / output.path.removeprefix("docs/")).stat().st_size
            chosen[(output.template, paper)] = min(
                chosen.get((output.template, paper), (size, output.path)), (size, output.path)
            )
    return sorted(path for _, path in chosen.values())


def forget_in_cache(cache: Path, pdfs: list[Path]) -> int:
    """Removes the cache entries of these PDFs (found by the PDF hash each entry stores); how many went."""
    wanted = {hashlib.sha256(pdf.read_bytes()).hexdigest() for pdf in pdfs}
    removed = 0
    for sidecar in cache.rglob("*.sha256"):
        if sidecar.read_text(encoding="utf-8").split("\n", 1)[0].strip() in wanted:
            sidecar.with_suffix(".pdf").unlink()
            sidecar.unlink()
            removed += 1
    return removed


def test_two_clean_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "elsewhere" / "again", source=built)
    sample = one_pdf_of_each_template(again, built / "site")
    assert len(sample) >= 12, sample  # handouts of each kind, guides, worksheets, cards, posters, packs...
    shutil.copytree(built / ".cache" / "pdf", again / ".cache" / "pdf")
    site_pdfs = [built / "site" / path.removeprefix("docs/") for path in sample]
    assert forget_in_cache(again / ".cache" / "pdf", site_pdfs) == len(sample)

    result = run_build(again, "build")
    assert result.code == 0, result.stderr
    assert f": {len(sample)} PDFs printed," in result.stdout  # the sample, printed again; the rest from the cache
    first, second = tree_snapshot(built / "site"), tree_snapshot(again / "site")
    assert sorted(first) == sorted(second)
    assert len([name for name in first if name.startswith("pdf/") and name.endswith(".pdf")]) > 100
    differing = [name for name in first if first[name] != second[name]]  # every page and every PDF
    assert differing == []
