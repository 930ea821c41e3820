"""Page weight and first paint for `make bench` (docs/performance.md); not a test.

    .venv/bin/python tests/bench_weight.py [SITE]      (default: site/, after `make build`)

For the home page, an exercise page and the planner, each in a fresh browser context (a cold cache):
the requests a page load makes and their bytes, raw and as a server would send them gzipped; what it
fetches on its own in the 5 s after (the planner keeps an offline copy through its service worker,
docs/sw.js); the first contentful paint under Chromium's slow-4G emulation (DevTools' preset: 562.5 ms
latency, 1.44 Mbit/s down, 675 kbit/s up) with the CPU 4 times slower; and what the first search costs
(typing a query into the search box): the requests and bytes of Pagefind's files it adds. The pages are
served over HTTP with gzip, as a host would.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import statistics
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from playwright.sync_api import Browser, sync_playwright
from site_browser import ARGS, CHROMIUM, PLANNER

PAGES = {"home": "", "exercise": "exercises/exercise-6-risk-taking/", "planner": PLANNER}
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
CPU_SLOWDOWN = 4
RUNS = 5
TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", "/")


SENT: list[tuple[str, int, int]] = []  # every response the server sent: path, bytes sent, bytes of the file


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when asked, as any web host does, and notes what it sent (a page's
    workers fetch too, which the page's own network events do not show)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser left mid-transfer
            super().handle()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants or not path.is_file() or not self.path.split("?")[0].endswith(TEXT):
            if path.is_file():
                SENT.append((self.path, path.stat().st_size, path.stat().st_size))
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        SENT.append((self.path, len(body), path.stat().st_size))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


@contextmanager
def served_gzipped(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def cold_load(browser: Browser, url: str, throttled: bool) -> dict:
    """One page load in a fresh context: requests, bytes on the wire and raw, first contentful paint."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttled:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    wire: dict[str, int] = {}
    raw: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: e["request"]["url"].startswith("http") and urls.__setitem__(e["requestId"], e["request"]["url"]),
    )
    cdp.on(
        "Network.dataReceived", lambda e: raw.__setitem__(e["requestId"], raw.get(e["requestId"], 0) + e["dataLength"])
    )
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle", timeout=120_000)
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
    first = {"requests": len(urls), "wire": sum(wire.values()), "raw": sum(raw.values()), "fcp": fcp}
    first["urls"] = sorted(u.split("/", 3)[3] for u in urls.values())
    if not throttled:
        loaded = len(SENT)
        page.wait_for_timeout(5000)  # what the page fetches on its own after loading (the planner's offline copy)
        later = SENT[loaded:]
        first["later_requests"], first["later_wire"] = len(later), sum(sent for _, sent, _ in later)
        before = len(SENT)
        page.locator(".hub-search__open, label.md-header__button[for=__search]").first.click()
        box = page.locator("input.hub-search__input, input.md-search__input").first
        box.press_sequentially("risk", delay=30)
        page.locator(".hub-search__result, .md-search-result__item").first.wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        added = [sent for sent in SENT[before:] if "/pagefind/" in sent[0]]
        first["search_requests"] = len(added)
        first["search_wire"] = sum(sent for _, sent, _ in added)
        first["search_raw"] = sum(size for _, _, size in added)
        first["search_urls"] = [path for path, _, _ in added]
    context.close()
    return first


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    with served_gzipped(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(
            "| page | requests | compressed | raw | FCP, slow 4G, CPU ×4 (median of 5; all 5) | first search adds"
            " | fetched later, unasked |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, path in PAGES.items():
            cold = cold_load(browser, root + path, throttled=False)
            paints = [cold_load(browser, root + path, throttled=True)["fcp"] for _ in range(RUNS)]
            weight = f"{cold['wire'] / 1024:.0f} KB | {cold['raw'] / 1024:.0f} KB"
            search = f"{cold['search_requests']} requests, {cold['search_wire'] / 1024:.0f} KB"
            print(
                f"| {name} (`/{path}`) | {cold['requests']} | {weight} | {statistics.median(paints) / 1000:.2f} s"
                f" ({', '.join(f'{p / 1000:.2f}' for p in sorted(paints))}) | {search}"
                f" ({cold['search_raw'] / 1024:.0f} KB raw) | {cold['later_requests']} requests,"
                f" {cold['later_wire'] / 1024:.0f} KB |"
            )
            if "-v" in sys.argv:
                print("   ", ", ".join(cold["urls"]))
                print("    search:", ", ".join(cold["search_urls"]))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
