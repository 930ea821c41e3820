"""The built site in Debian's Chromium, driven by Playwright (no browser download), with axe-core.

The fixtures that use these are in site_fixtures.py (loaded with
``pytest_plugins``); test modules import the helpers from here.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PLANNER = "exercises/plan/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """The address of a local web server for ``folder``, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_axe = Axe()


def axe_options(only_rules: list[str] | None = None) -> dict:
    """WCAG 2.2 AA rules (or just ``only_rules``), reporting violations only."""
    only = {"type": "rule", "values": only_rules} if only_rules else {"type": "tag", "values": WCAG_22_AA}
    return {"runOnly": only, "resultTypes": ["violations"]}


def violation_lines(response: dict) -> list[str]:
    return [
        f"{violation['id']}: {node['target']} {node.get('failureSummary', '')[:160]}"
        for violation in response["violations"]
        for node in violation["nodes"]
    ]


# Two frames (so a scroll or click has started its transitions), then every finite CSS transition and animation
# finished, or two seconds: the theme's header title fades on scroll, and axe measuring it mid-fade reports the
# contrast of a half-transparent text.
SETTLE = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  const ends = Promise.all(finite.map((a) => a.finished.catch(() => null)));
  await Promise.race([ends, new Promise((done) => setTimeout(done, 2000))]);
}"""


def settle(page: Page) -> None:
    """Waits until nothing on the page is moving or fading."""
    page.evaluate(SETTLE)


def axe_violations(page: Page, only_rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page once it has settled, one line each."""
    settle(page)
    return violation_lines(_axe.run(page, options=axe_options(only_rules)).response)
