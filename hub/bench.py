"""`make bench`: how long builds take, measured as ratios in one run on this machine.

Builds copies of the project in a temporary folder (nothing is written to the
project itself), then prints one table.  Synthetic exercises are generated
here and never committed.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"
SOURCES = ("build.py", "mkdocs.yml", "hub", "templates", "content", "docs")
GENERATED = {"exercises", "scenarios", "case-studies", "guidance", "principles", "comparisons", "questions"}
GENERATED |= {"worksheets", "quizzes", "audits", "stars", "pdf", "sources", "themes", "packs", "print"}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in SOURCES:
        source = PROJECT / name
        if source.is_file():
            shutil.copy2(source, target / name)
        else:
            shutil.copytree(source, target / name, ignore=_not_copied)
    return target


def _not_copied(directory: str, names: list[str]) -> set[str]:
    generated = GENERATED & set(names) if Path(directory) == PROJECT / "docs" else set()
    return generated | {name for name in names if name == "__pycache__"}


def run(project: Path, workers: int | None = None) -> tuple[float, int]:
    """Seconds and peak memory (MB) of one build in a fresh process."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    code = f"from pathlib import Path; from hub.pipeline import build; build(Path('.'), pdf_workers={workers!r})"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stderr}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
    return elapsed, peak


SYNTHETIC = """\
title: Synthetic exercise {n}
number: {number}
part: 2
summary: A generated exercise for measuring build time, number {n}.
themes: [conversations, leadership]
source: {{document: iriss-leading-for-outcomes, section: Synthetic}}
learning_outcomes:
  - practising a measured conversation number {n}
  - noticing what changes when the hub grows
time: {{minutes: {minutes}, text: About {minutes} minutes}}
materials: [Flip chart paper, Pens]
instructions:
  - Divide into groups of around four or five and read the scenario.
  - Ask each group to list what matters to the person, then what support could help.
  - Bring the groups back together and compare the lists.
facilitator_notes:
  - Keep the discussion on strengths rather than on tasks.
training_materials:
  - type: table
    title: Table {n}
    header: [Before, After]
    rows:
      - [Service-led conversation, Outcomes-focused conversation]
      - [Tasks, What matters]
scenarios: [sandra]
"""


def add_synthetic(project: Path, count: int) -> None:
    folder = project / "content" / "exercises"
    for n in range(count):
        text = SYNTHETIC.format(n=n, number=1000 + n, minutes=15 + n % 45)
        (folder / f"synthetic-{n:04d}.yml").write_text(text, encoding="utf-8")


def largest_page_kb(site: Path) -> tuple[float, str]:
    size, page = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return size / 1024, page.relative_to(site).as_posix()


def timed(label: str, work: Callable[[], tuple[float, int]], rows: list[tuple[str, str, str]], note: str = "") -> float:
    seconds, peak = work()
    rows.append((label, f"{seconds:.1f} s", f"{peak} MB{(' · ' + note) if note else ''}"))
    print(f"  {label}: {seconds:.1f} s", file=sys.stderr)
    return seconds


def chromium_ratio(project: Path, handouts: int = 12) -> tuple[float, float]:
    """Seconds per handout for WeasyPrint (warm, one process) and warm headless Chromium."""
    sys.path.insert(0, str(project))
    from hub.pdf import Printer
    from hub.pipeline import read_and_render

    _, rendered = read_and_render(project)
    jobs = [job for job in rendered.print_jobs if job.pdf_path.endswith("-facilitator.pdf")][:handouts]
    scratch = Path(tempfile.mkdtemp())
    printer = Printer(project, scratch / "cache")
    printer.print_pdf(jobs[0].html + "<!-- warm -->", scratch / "warm.pdf", "warm-up")
    started = time.perf_counter()
    for index, job in enumerate(jobs):
        printer.print_pdf(job.html, scratch / f"w{index}.pdf", job.label)
    weasy = (time.perf_counter() - started) / len(jobs)

    from playwright.sync_api import sync_playwright

    css = (project / "templates/print/print.css").read_text(encoding="utf-8")
    folder = project / "templates" / "print"
    pages = []
    for index, job in enumerate(jobs):
        page_file = folder / f".bench-{index}.html"
        page_file.write_text(job.html.replace("</head>", f"<style>{css}</style></head>"), encoding="utf-8")
        pages.append(page_file)
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[*args, "--no-first-run"])
            page = browser.new_page()
            page.goto(pages[0].as_uri())
            page.pdf(path=str(scratch / "c-warm.pdf"), format="A4")
            started = time.perf_counter()
            for index, page_file in enumerate(pages):
                page.goto(page_file.as_uri())
                page.pdf(path=str(scratch / f"c{index}.pdf"), format="A4", prefer_css_page_size=True)
            chromium = (time.perf_counter() - started) / len(pages)
            browser.close()
    finally:
        for page_file in pages:
            page_file.unlink(missing_ok=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return weasy, chromium


def pdf_pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(pdf).pages) for pdf in folder.rglob("*.pdf") if pdf.stat().st_size)


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    root = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    print(f"Benchmarking in {root} …", file=sys.stderr)
    try:
        real = copy_project(root / "real")
        clean = timed("Clean build (real content, all PDFs)", lambda: run(real), rows)
        pages = pdf_pages(real / "docs" / "pdf")
        noop = timed("No-op rebuild", lambda: run(real), rows)
        exercise = real / "content/exercises/exercise-1-defining-the-approach.yml"
        exercise.write_text(exercise.read_text(encoding="utf-8").replace("Spend about an hour", "Spend an hour"))
        edit = timed("Edit one exercise", lambda: run(real), rows)
        shutil.rmtree(real / ".cache" / "pdf")
        one_worker = timed("Clean PDFs, 1 worker (site cached)", lambda: run(real, workers=1), rows)
        shutil.rmtree(real / ".cache" / "pdf")
        two_workers = timed("Clean PDFs, all cores (site cached)", lambda: run(real), rows)

        sizes: dict[int, float] = {}
        largest: dict[int, tuple[float, str]] = {}
        for count in (0, 100, 1000):
            synthetic = copy_project(root / f"synthetic-{count}")
            add_synthetic(synthetic, count)
            sizes[count] = timed(
                f"Site with {count} synthetic exercises (no PDFs)",
                lambda project=synthetic: run(project, workers=0),
                rows,
            )
            largest[count] = largest_page_kb(synthetic / "site")
            shutil.rmtree(synthetic)
        weasy, chromium = chromium_ratio(real)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    per_100 = (sizes[100] - sizes[0]) / 100
    per_1000 = (sizes[1000] - sizes[0]) / 1000
    cores = len(os.sched_getaffinity(0))
    speed_up = one_worker / two_workers
    rows += [
        ("No-op / clean", f"{noop / clean:.0%}", "goal ≤ 10%"),
        ("One edit / clean", f"{edit / clean:.0%}", "goal ≤ 35%"),
        ("PDF pages per second, all cores", f"{pages / two_workers:.1f}", f"{pages} pages"),
        ("Parallel efficiency of PDF printing", f"{speed_up / cores:.0%}", f"{speed_up:.2f}× on {cores} cores"),
        (
            "Cost per added exercise, 1,000 vs 100",
            f"{per_1000 / per_100:.2f}×",
            f"{per_100 * 1000:.0f} ms vs {per_1000 * 1000:.0f} ms each; goal ≤ 1.25×",
        ),
        ("Largest page, 1,000 exercises", f"{largest[1000][0]:.0f} KB", f"{largest[1000][1]}; goal < 100 KB"),
        (
            "Handout: WeasyPrint / Chromium, both warm",
            f"{weasy / chromium:.1f}×",
            f"{weasy:.2f} s vs {chromium:.2f} s per handout",
        ),
    ]
    machine = f"{platform.python_implementation()} {platform.python_version()}, {cores} cores, {platform.machine()}"
    print(f"\nOutcomes Hub benchmark, {datetime.now(UTC):%Y-%m-%d}, {machine}\n")
    print("| measurement | result | notes |")
    print("| --- | --- | --- |")
    for label, result, note in rows:
        print(f"| {label} | {result} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
