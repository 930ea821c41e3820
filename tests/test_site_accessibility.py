"""WCAG 2.2 AA with axe-core: no violations at 320 and 1280 pixels wide in the light scheme, and in the dark.

Which pages: every page written by hand (the home page among them), every tool
in use (filters that match nothing, a plan, ratings, two readings of the star,
an answered quiz statement), and for every template of the hub's the largest
page it made, which holds the most kinds of block (tables among them): pages
of one template (the twelve catalogues, the fifty guidance pages) differ only
in which blocks they hold. Set HUB_AXE_EVERY_PAGE=1 to check every page of the
site instead (several times as long).

The light scheme gets every WCAG 2.2 AA rule at both widths. The dark scheme
changes nothing but colours (the same palette at every width), so there axe
checks the rules about colour, at 1280 pixels, where the most of each page
shows (the navigation and the table of contents beside the content).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe as AsyncAxe
from playwright.async_api import async_playwright
from site_browser import ARGS, CHROMIUM, SETTLE, axe_options, violation_lines

from conftest import EPOCH
from hub.pipeline.run import read
from hub.render import Renderer
from hub.settings import Settings

pytest_plugins = ["site_fixtures"]  # the site_url fixture
pytestmark = pytest.mark.e2e  # axe-core in Chromium on the shared build

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
TOOLS_IN_USE = {
    "exercises/": "exercises/#length=30&theme=risk",  # filters that match nothing: the nearest, and why
    "exercises/plan/": "exercises/plan/#exercises=exercise-1-defining-the-approach,exercise-6-risk-taking"
    "&start=09:30&breaks=exercise-1-defining-the-approach:15&title=Team+day",
    "audits/training-priorities/": "audits/training-priorities/#ratings=5,4,3,2,1,0,4",
    "stars/culture-star/": "stars/culture-star/#first=6,4,7,8,5,3,6,7&second=7,6,7,8,6,5,7,8",
}
QUIZ = "quizzes/personal-outcomes-quiz/"


def site_path(markdown: str) -> str:
    """The site address of a page from its Markdown file's path: ``exercises/index.md`` is ``exercises/``."""
    folder, _, name = markdown.removesuffix(".md").rpartition("/")
    return "" if markdown == "index.md" else (f"{folder}/" if name == "index" else f"{markdown[:-3]}/")


def templates_of_pages(project: Path) -> dict[str, str | None]:
    """The site address of every page the hub generates, and the template that made it."""
    settings = Settings.load(project, epoch=int(EPOCH))
    outputs = Renderer(read(settings), settings, keep_compiled=False).outputs()
    return {site_path(output.path): output.template for output in outputs if not output.is_pdf}


def pages_to_check(project: Path) -> list[str]:
    site = project / "site"
    every = sorted(
        "" if page.parent == site else page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
        if page.parent == site or page.parent.relative_to(site).parts[0] not in ("assets", "search")
    )
    if os.environ.get("HUB_AXE_EVERY_PAGE") == "1":
        chosen = every
    else:
        made_by = templates_of_pages(project)
        largest: dict[str | None, tuple[int, str]] = {}
        for path in every:
            if path in made_by:
                size = (site / path / "index.html").stat().st_size
                largest[made_by[path]] = max(largest.get(made_by[path], (0, "")), (size, path))
        chosen = [path for path in every if path not in made_by]  # written by hand
        chosen += sorted(path for _, path in largest.values())
        chosen += [path for path in TOOLS_IN_USE if path not in chosen] + [QUIZ] * (QUIZ not in chosen)
    return [TOOLS_IN_USE.get(path, path) for path in chosen]


async def check_all(site_url: str, paths: list[str]) -> dict[tuple[int, str], list[str]]:
    """Each width and scheme in a page of its own, all three at once, so that their renderers share the cores."""
    axe = AsyncAxe()

    async def check(width: int, scheme: str) -> list[str]:
        context = await browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        page = await context.new_page()
        found: list[str] = []
        for path in paths:
            await page.goto(site_url + path)
            if path == QUIZ:
                await page.get_by_role("radio", name="Yes").first.check()
                await page.get_by_role("button", name="Check (statement 1)").click()
            await page.evaluate(SETTLE)
            options = axe_options(COLOUR_RULES if scheme == "dark" else None)
            found += [
                f"{path or '/'} {line}" for line in violation_lines((await axe.run(page, options=options)).response)
            ]
        used = await page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if used != {"light": "default", "dark": "slate"}[scheme]:
            found.append(f"the page was shown in the {used} scheme")
        await context.close()
        return found

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        combinations = [(320, "light"), (1280, "light"), (1280, "dark")]
        results = await asyncio.gather(*(check(width, scheme) for width, scheme in combinations))
        await browser.close()
    return dict(zip(combinations, results, strict=True))


def test_no_wcag_violations_at_320_and_1280_pixels_light_and_dark(site_url: str, built: Path) -> None:
    paths = pages_to_check(built)
    assert len(paths) > 20, paths
    found = asyncio.run(check_all(site_url, paths))
    assert found == {combination: [] for combination in found}
