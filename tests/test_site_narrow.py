"""No page of the site scrolls sideways on a 320 px phone: wide tables and charts scroll inside themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.e2e

WIDTH = 320
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return false;
    }
    return getComputedStyle(element).position !== "fixed";
  });
  return { scroll: document.documentElement.scrollWidth, width,
           wide: wide.slice(0, 3).map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join(".")) };
}"""


def pages(site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("index.html")):
        name = page.parent.relative_to(site).as_posix()
        found.append("" if name == "." else name + "/")
    return found


def test_no_page_scrolls_sideways_at_320_px(built: Path, site_url: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": WIDTH, "height": 700}, locale="en-GB")
    page = context.new_page()
    too_wide = []
    for name in pages(built / "site"):
        page.goto(site_url + name, wait_until="load")
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["width"]:
            too_wide.append(f"{name or '(home)'}: {found['scroll']} px wide; widest: {', '.join(found['wide'])}")
    context.close()
    assert too_wide == []
