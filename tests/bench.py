"""`make bench`: how long builds take, measured as ratios in one run on this machine.

Builds copies of the project in a temporary folder (nothing is written to the
project itself), then prints one Markdown table.  Synthetic exercises are
generated here and never committed.  The figures and what they mean are kept
in docs/performance.md.
"""

from __future__ import annotations

import io
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from conftest import EPOCH, copy_project  # noqa: E402  (tests/ is on the path when this runs as a script)

EDITED = "content/exercises/exercise-1-defining-the-approach.yml"
PACK = "pdf/full-day-part-two.pdf"

Row = tuple[str, str, str]


_BUILD = """
import json
from pathlib import Path
from hub.pipeline import build
from hub.settings import Settings
report = build(Settings.load(Path('.'), epoch={epoch}), pdf_workers={workers!r})
print(json.dumps({{"printed": report.pdfs_rendered}}))
"""


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants (PDF workers included) until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.total_mb, self.largest_mb = pid, 0, 0
        self._done = threading.Event()
        self.start()

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._done.wait(0.1):
            sizes = [pages * page // 2**20 for pages in self._tree_pages()]
            if sizes:
                self.total_mb, self.largest_mb = max(self.total_mb, sum(sizes)), max(self.largest_mb, max(sizes))

    def _tree_pages(self) -> list[int]:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        tree, grew = {self.pid}, True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= found
            grew = bool(found)
        pages = []
        for pid in tree:
            try:
                pages.append(int(Path(f"/proc/{pid}/statm").read_text().split()[1]))
            except (OSError, IndexError, ValueError):
                continue
        return pages

    def stop(self) -> None:
        self._done.set()
        self.join()


def run(project: Path, workers: int | None = None) -> tuple[float, dict]:
    """Seconds taken by one build in a fresh process, and what it reported (PDFs printed, peak memory in MB)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    code = _BUILD.format(workers=workers, epoch=EPOCH)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    memory = TreeMemory(child.pid)
    stdout, stderr = child.communicate()
    elapsed = time.perf_counter() - started
    memory.stop()
    if child.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{stderr}")
    report = json.loads(stdout.strip().splitlines()[-1])
    return elapsed, report | {"total_mb": memory.total_mb, "largest_mb": memory.largest_mb}


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


def pdf_pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(pdf).pages) for pdf in folder.rglob("*.pdf") if pdf.stat().st_size)


def build_row(
    label: str, project: Path, rows: list[Row], workers: int | None = None, note: str = "", fresh: int = 1
) -> float:
    """One build timed and added to the table; with ``fresh`` > 1, the fastest of that many clean builds."""
    seconds, report = run(project, workers)
    for _ in range(fresh - 1):
        shutil.rmtree(project / "site")
        shutil.rmtree(project / ".cache")
        seconds = min(seconds, run(project, workers)[0])
    memory = f"peak memory {report['total_mb']} MB in all, {report['largest_mb']} MB in one process"
    notes = "; ".join(part for part in (note, f"{report['printed']} PDFs printed", memory) if part)
    rows.append((label, f"{seconds:.1f} s", notes))
    print(f"  {label}: {seconds:.1f} s", file=sys.stderr)
    return seconds


# --- WeasyPrint beside headless Chromium --------------------------------------------


def chromium_seconds(project: Path, jobs: list) -> float:
    """Warm headless Chromium printing the same HTML (print stylesheet inlined) one PDF after another."""
    from playwright.sync_api import sync_playwright

    css = (project / "templates/print/print.css").read_text(encoding="utf-8")
    folder = project / "templates" / "print"  # so the HTML's relative links to paper.css and the fonts resolve
    scratch = Path(tempfile.mkdtemp())
    files = []
    for index, job in enumerate(jobs):
        page_file = folder / f".bench-{index}.html"
        page_file.write_text(job.html.replace("</head>", f"<style>{css}</style></head>"), encoding="utf-8")
        files.append(page_file)
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[*args, "--no-first-run"])
            page = browser.new_page()
            page.goto(files[0].as_uri())
            page.pdf(path=str(scratch / "warm.pdf"), prefer_css_page_size=True)
            started = time.perf_counter()
            for index, page_file in enumerate(files):
                page.goto(page_file.as_uri())
                page.pdf(path=str(scratch / f"{index}.pdf"), prefer_css_page_size=True)
            elapsed = time.perf_counter() - started
            browser.close()
    finally:
        for page_file in files:
            page_file.unlink(missing_ok=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return elapsed


def weasyprint_handout_seconds(project: Path, jobs: list) -> float:
    from hub.printing.printer import Printer

    scratch = Path(tempfile.mkdtemp())
    printer = Printer(project, scratch / "cache")
    printer.print_pdf(jobs[0].html + "<!-- warm -->", scratch / "warm.pdf", "warm-up")
    started = time.perf_counter()
    for index, job in enumerate(jobs):
        printer.print_pdf(job.html, scratch / f"{index}.pdf", job.label)
    shutil.rmtree(scratch, ignore_errors=True)
    return (time.perf_counter() - started) / len(jobs)


# --- lay out once: a pack made from the handouts' laid-out pages ----------------------


def layout_once(project: Path, jobs: dict) -> dict:
    """The full-day pack laid out whole, against a cover laid out alone plus the pages of its exercises'
    handouts (already laid out), combined with WeasyPrint's Document.copy; and what the combined PDF gets wrong."""
    from pypdf import PdfReader

    from hub.printing.printer import Printer

    pack = jobs[PACK]
    ids = re.findall(r'<section class="pack-exercise" id="([^"]+)"', pack.html)
    handouts = [jobs[f"pdf/{exercise}-{variant}.pdf"] for exercise in ids for variant in ("facilitator", "participant")]
    cover_html = re.sub(r'<section class="pack-exercise".*</main>', "</main>", pack.html, flags=re.S)
    printer = Printer(project, Path(tempfile.mkdtemp()))
    weasyprint = printer._weasyprint

    def lay_out(html: str):
        document = weasyprint.HTML(
            string=html, base_url=str(project / "templates/print/"), url_fetcher=printer._fetcher
        )
        return document.render(stylesheets=[printer._css], font_config=printer._fonts, pdf_variant="pdf/ua-1")

    lay_out(handouts[0].html)
    whole, combined = [], []
    for _ in range(3):
        started = time.perf_counter()
        whole_pdf = lay_out(pack.html).write_pdf(pdf_variant="pdf/ua-1")
        whole.append(time.perf_counter() - started)
        laid_out = [lay_out(handout.html) for handout in handouts]
        started = time.perf_counter()
        cover = lay_out(cover_html)
        pages = cover.pages + [page for document in laid_out for page in document.pages]
        combined_pdf = cover.copy(pages).write_pdf(pdf_variant="pdf/ua-1")
        combined.append(time.perf_counter() - started)

    def check(pdf: bytes) -> tuple[int, int, int]:
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        numbers = re.findall(r"Page (\d+) of (\d+)", text.decode())
        wrong = sum((int(n), int(total)) != (index, len(numbers)) for index, (n, total) in enumerate(numbers, 1))
        reader = PdfReader(io.BytesIO(pdf))
        return len(reader.pages), wrong, len(reader.outline)

    return {
        "whole": statistics.median(whole),
        "combined": statistics.median(combined),
        "whole_check": check(whole_pdf),
        "combined_check": check(combined_pdf),
        "handouts": len(handouts),
    }


# --- live preview -------------------------------------------------------------------------


def preview_seconds(project: Path) -> float:
    """From saving a scenario's YAML file to the preview serving its updated page (median of three edits)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/scenarios/sandra/"
    server = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--port", str(port)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    def wait_for(text: str, seconds: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if text in response.read().decode("utf-8"):
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"the preview did not show {text!r} within {seconds} s")

    scenario = project / "content/scenarios/sandra.yml"
    original = scenario.read_text(encoding="utf-8")
    try:
        wait_for("Sandra is 24", 300)
        time.sleep(5)
        timings = []
        for age in (25, 26, 27):
            scenario.write_text(original.replace("Sandra is 24", f"Sandra is {age}"), encoding="utf-8")
            timings.append(wait_for(f"Sandra is {age}", 60))
            time.sleep(2)
        return statistics.median(timings)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        scenario.write_text(original, encoding="utf-8")


# --- the table --------------------------------------------------------------------------------


def measure(root: Path, rows: list[Row]) -> dict[str, float]:
    from hub.pipeline import read_and_render
    from hub.settings import Settings

    figures: dict[str, float] = {}
    real = copy_project(root / "real")
    figures["clean"] = build_row("Clean build (site and every PDF)", real, rows)
    figures["pages"] = pdf_pages(real / "docs" / "pdf")
    figures["noop"] = build_row("No-op rebuild", real, rows)
    exercise = real / EDITED
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("Spend about an hour", "Spend an hour"))
    figures["edit"] = build_row("Edit one exercise", real, rows, note="its 2 handouts and the pack that has it")
    shutil.rmtree(real / ".cache" / "pdf")
    figures["one_worker"] = build_row("Every PDF, 1 worker (site current)", real, rows, workers=1)
    shutil.rmtree(real / ".cache" / "pdf")
    figures["all_cores"] = build_row("Every PDF, all cores (site current)", real, rows)

    _, rendered = read_and_render(Settings.load(real, epoch=int(EPOCH)))
    jobs = {job.pdf_path: job for job in rendered.print_jobs}
    print("  headless Chromium …", file=sys.stderr)
    figures["chromium_all"] = chromium_seconds(real, list(jobs.values()))
    handouts = [job for path, job in jobs.items() if path.endswith("-facilitator.pdf")]
    figures["weasy_handout"] = weasyprint_handout_seconds(real, handouts)
    figures["chromium_handout"] = chromium_seconds(real, handouts) / len(handouts)
    figures["jobs"] = len(jobs)
    print("  lay out once …", file=sys.stderr)
    once = layout_once(real, jobs)
    figures |= {key: value for key, value in once.items() if isinstance(value, float)}
    rows.append(
        (
            f"Full-day pack: laid out whole / cover + {once['handouts']} handouts' pages",
            f"{once['whole']:.2f} s / {once['combined']:.2f} s",
            "pages, footers with a wrong page number, bookmarks: "
            f"whole {once['whole_check']}, combined {once['combined_check']}",
        )
    )
    print("  live preview …", file=sys.stderr)
    figures["preview"] = preview_seconds(real)

    for count in (0, 100, 1000):
        synthetic = copy_project(root / f"synthetic-{count}")
        add_synthetic(synthetic, count)
        label = f"Site with {count} synthetic exercises (fastest of 2 clean builds)"
        figures[f"site_{count}"] = build_row(label, synthetic, rows, workers=0, fresh=2)
        size, page = largest_page_kb(synthetic / "site")
        figures[f"largest_{count}"] = size
        rows.append((f"Largest page, {count} synthetic exercises", f"{size:.0f} KB", page))
        shutil.rmtree(synthetic)
    return figures


def summary_rows(f: dict[str, float]) -> list[Row]:
    cores = len(os.sched_getaffinity(0))
    speed_up = f["one_worker"] / f["all_cores"]
    per_100 = (f["site_100"] - f["site_0"]) / 100
    per_1000 = (f["site_1000"] - f["site_0"]) / 1000
    return [
        ("No-op / clean", f"{f['noop'] / f['clean']:.0%}", "goal ≤ 10%"),
        ("One edit / clean", f"{f['edit'] / f['clean']:.0%}", "goal ≤ 35%"),
        ("PDF pages per second, all cores", f"{f['pages'] / f['all_cores']:.1f}", f"{f['pages']:.0f} pages"),
        ("Parallel efficiency of PDF printing", f"{speed_up / cores:.0%}", f"{speed_up:.2f}× on {cores} cores"),
        (
            f"Every PDF: WeasyPrint on all cores / Chromium one after another ({f['jobs']:.0f} PDFs)",
            f"{f['all_cores'] / f['chromium_all']:.2f}×",
            f"{f['all_cores']:.1f} s vs {f['chromium_all']:.1f} s; goal ≤ 1",
        ),
        (
            "One handout: WeasyPrint / Chromium, both warm, one process",
            f"{f['weasy_handout'] / f['chromium_handout']:.1f}×",
            f"{f['weasy_handout']:.2f} s vs {f['chromium_handout']:.2f} s per handout",
        ),
        ("Live preview: save a YAML file → page updated", f"{f['preview']:.1f} s", "median of 3 edits; goal ≤ 3 s"),
        (
            "Cost per added exercise, 1,000 vs 100",
            f"{per_1000 / per_100:.2f}×",
            f"{per_100 * 1000:.0f} ms vs {per_1000 * 1000:.0f} ms each; goal ≤ 1.25×",
        ),
    ]


def _processor() -> str:
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown processor"
    found = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
    return found.group(1).strip() if found else "unknown processor"


def main() -> int:
    rows: list[Row] = []
    root = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    print(f"Benchmarking in {root} …", file=sys.stderr)
    try:
        figures = measure(root, rows)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rows += summary_rows(figures)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    machine = f"{python}, {os.cpu_count()} CPUs, {platform.machine()}, {_processor()}"
    print(f"\nOutcomes Hub benchmark, {datetime.now(UTC):%Y-%m-%d}, {machine}\n")
    print("| measurement | result | notes |")
    print("| --- | --- | --- |")
    for label, result, note in rows:
        print(f"| {label} | {result} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
