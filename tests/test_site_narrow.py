"""No page of the site scrolls sideways on a 320 px phone: wide tables and charts scroll inside themselves."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from playwright.async_api import async_playwright
from site_browser import ARGS, CHROMIUM

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.e2e

WIDTH = 320
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll <= width) return { scroll, width, wide: [] };  // the search for the culprits only when there is one
  const wide = [...document.querySelectorAll("body *")].filter((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return false;
    }
    return getComputedStyle(element).position !== "fixed";
  });
  return { scroll, width,
           wide: wide.slice(0, 3).map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join(".")) };
}"""


def pages(site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("index.html")):
        name = page.parent.relative_to(site).as_posix()
        found.append("" if name == "." else name + "/")
    return found


async def too_wide_pages(site_url: str, names: list[str]) -> list[str]:
    """Each page measured once, two pages at a time, so that the browser and this process share the cores."""
    too_wide: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = await browser.new_context(viewport={"width": WIDTH, "height": 700}, locale="en-GB")

        async def measure(share: list[str]) -> None:
            page = await context.new_page()
            for name in share:
                await page.goto(site_url + name, wait_until="load")
                found = await page.evaluate(OVERFLOW)
                if found["scroll"] > found["width"]:
                    widest = ", ".join(found["wide"])
                    too_wide.append(f"{name or '(home)'}: {found['scroll']} px wide; widest: {widest}")

        await asyncio.gather(measure(names[0::2]), measure(names[1::2]))
        await browser.close()
    return sorted(too_wide)


def test_no_page_scrolls_sideways_at_320_px(built: Path, site_url: str) -> None:
    names = pages(built / "site")
    assert len(names) > 100
    assert asyncio.run(too_wide_pages(site_url, names)) == []
