"""Figures for the planner's browser-made pack (docs/browser-pack.md), for `make bench`; not a test.

    .venv/bin/python tests/bench_browser_pack.py [SITE]      (default: site/, after `make build`)

Prints the weight of the planner page's own scripts and data before a pack is asked for, what asking
loads, and how long a full-day pack (six exercises) takes from the click to the download, in Debian's
Chromium with a cold cache (a fresh browser context for each run), served over HTTP.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from playwright.sync_api import sync_playwright
from site_browser import ARGS, CHROMIUM, served

FULL_DAY = (
    "title=Practising+and+sustaining+the+approach&start=09:30&welcome=15"
    "&ex=exercise-3-challenges-of-getting-outcomes-into-practice.45&ex=exercise-4-asking-the-right-questions.45"
    "&break=15&ex=exercise-5-brainstorming-for-innovative-solutions.60&lunch=45&ex=exercise-6-risk-taking.45"
    "&break=15&ex=exercise-7-what-difference-has-the-approach-made.30&ex=exercise-8-effective-feedback.30"
)
RUNS = 3


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def ours(url: str) -> bool:
    """The hub's own files: its pages, scripts, stylesheets and data (not the theme's bundle or fonts)."""
    path = urlsplit(url).path
    return path.endswith(".html") or path.endswith("/") or "/assets/javascripts/" in path or "/assets/pack/" in path


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    with served(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        seconds, before, after = [], {}, {}
        for run in range(RUNS):
            context = browser.new_context(accept_downloads=True, locale="en-GB")
            page = context.new_page()
            loaded: list[str] = []
            page.on("requestfinished", lambda request, loaded=loaded: loaded.append(request.url))
            page.goto(root + "exercises/plan/#" + FULL_DAY, wait_until="networkidle")
            first = list(loaded)
            started = time.perf_counter()
            with page.expect_download(timeout=120_000) as download:
                page.get_by_role("button", name="Download the pack (PDF)").click()
            download.value.path()
            seconds.append(time.perf_counter() - started)
            if run == 0:
                for url in first:
                    before[url] = site / unquote(urlsplit(url).path.lstrip("/"))
                for url in loaded[len(first) :]:
                    if url.startswith(root):
                        after[url] = site / unquote(urlsplit(url).path.lstrip("/"))
            context.close()
        browser.close()

    def weigh(files: dict[str, Path]) -> tuple[int, int]:
        found = [path if path.is_file() else path / "index.html" for path in files.values()]
        return sum(p.stat().st_size for p in found if p.is_file()), sum(gzipped(p) for p in found if p.is_file())

    own = {url: path for url, path in before.items() if ours(url)}
    raw_own, zipped_own = weigh(own)
    raw_all, zipped_all = weigh(before)
    raw_pack, zipped_pack = weigh(after)
    print(f"Planner page, its own page, scripts and data: {raw_own / 1024:.0f} KB, {zipped_own / 1024:.0f} KB gzipped")
    print(f"Planner page, everything it loads first:       {raw_all / 1024:.0f} KB, {zipped_all / 1024:.0f} KB gzipped")
    print(
        f"Loaded when the pack is asked for:             {raw_pack / 1024:.0f} KB, {zipped_pack / 1024:.0f} KB gzipped"
    )
    for url, path in sorted(after.items()):
        shown = path if path.is_file() else path / "index.html"
        print(f"  {urlsplit(url).path}: {shown.stat().st_size / 1024:.0f} KB, {gzipped(shown) / 1024:.0f} KB gzipped")
    times = ", ".join(f"{s:.2f}" for s in seconds)
    print(
        f"Full-day pack (6 exercises), click to download, cold cache: "
        f"median {statistics.median(seconds):.2f} s ({times})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
