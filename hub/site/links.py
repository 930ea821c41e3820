"""The hub's own checks of a site, whatever engine built it: every page is in the navigation or meant to be
out of it, and every link between pages and files of the site resolves.

MkDocs and ProperDocs check these too (``validation:`` in mkdocs.yml); Zensical checks links and anchors but
not navigation omissions or absolute links, so these run for every engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pathspec

from hub.site.engines import SiteError



class _Links(HTMLParser):
    """The ``href`` and ``src`` of every tag of a page: its real links, never text that looks like one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value is not None]


def links_in(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    parser.close()
    return list(dict.fromkeys(parser.found))
_OUTSIDE = ("http:", "https:", "mailto:", "data:", "tel:", "blob:")
_ENGINE_PAGES = {"404.html"}  # the engine's own page, whose links are absolute on purpose


def nav_pages(nav: object) -> Iterator[str]:
    """Every Markdown page named in an mkdocs.yml ``nav``."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from nav_pages(entry)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def check_navigation(docs: Path, config: dict) -> list[str]:
    """Pages that are neither in the navigation nor listed as meant to be out of it (``not_in_nav``)."""
    in_nav = set(nav_pages(config.get("nav") or []))
    outside = pathspec.PathSpec.from_lines("gitignore", str(config.get("not_in_nav") or "").splitlines())
    problems = []
    for page in sorted(docs.rglob("*.md")):
        name = page.relative_to(docs).as_posix()
        if name not in in_nav and not outside.match_file(name) and not page.name.startswith("."):
            problems.append(f"docs/{name} is not in the navigation (nav) and not listed in not_in_nav")
    return problems


def _target(page: Path, href: str, site: Path) -> Path | None:
    """The file a relative link from ``page`` leads to, or None for links that leave the site."""
    parts = urlsplit(href)
    if not parts.path or href.startswith(_OUTSIDE) or parts.scheme or parts.netloc:
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    return target / "index.html" if target.is_dir() or parts.path.endswith("/") else target


def check_links(site: Path) -> list[str]:
    """Absolute links, and links to files the site does not have, in every HTML page of ``site``."""
    root = site.resolve()
    problems = []
    for page in sorted(root.rglob("*.html")):
        name = page.relative_to(root).as_posix()
        if name in _ENGINE_PAGES:
            continue
        for href in links_in(page.read_text(encoding="utf-8")):
            if href.startswith("/") and not href.startswith("//"):
                problems.append(f"{name}: absolute link {href}; links between pages must be relative")
                continue
            target = _target(page, href, root)
            if target is None:
                continue
            if not target.is_relative_to(root):
                problems.append(f"{name}: link {href} leads outside the site")
            elif not target.is_file():
                problems.append(f"{name}: link {href} leads to nothing")
    return problems


def check_site(site: Path, docs: Path, config: dict) -> None:
    """Raise SiteError with every navigation and link problem found."""
    problems = check_navigation(docs, config) + check_links(site)
    if problems:
        details = "\n".join(f"  {line}" for line in problems)
        raise SiteError(f"the new site has pages or links that lead nowhere:\n{details}")
