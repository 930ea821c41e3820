"""Hostile text in every text field of every kind, of sources.yml and of themes.yml, on every page the site
makes and in every PDF's HTML, without a full build: each page is rendered and then read by Python-Markdown
with the site's own extensions, as MkDocs would, and nothing that comes out may be live.

(tests/test_hostile_text.py does the same through a real build, MkDocs, Material and Chromium.)
"""

from __future__ import annotations

import re

import lxml.html
import markdown
import pytest
import yaml
from hostile import ALL_PREFIX, PREFIX, THEME_ID, item_id, write_hostile_content

from conftest import copy_project
from hub.content.kinds import KINDS
from hub.content.load import load_library
from hub.model import Model
from hub.render import Rendered, Renderer
from hub.settings import Settings

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href", "background"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Rendered]:
    project = copy_project(tmp_path_factory.mktemp("hostile-pages") / "project")
    write_hostile_content(project)
    settings = Settings.load(project, epoch=1767225600)
    rendered = Renderer(Model.of(load_library(project)), settings, keep_compiled=False).render_all()
    return settings, rendered


def live(html: str) -> list[str]:
    """What in the body of ``html`` could run script, load something or navigate on its own."""
    found = []
    for element in lxml.html.document_fromstring(html).body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "iframe", "object", "embed", "frame", "base", "meta", "style"):
            found.append(f"<{tag}>")
        if tag == "link" and not re.fullmatch(r"[a-z-]+\.css", element.get("href", "")):  # the templates' own
            found.append(f"<link href={element.get('href')}>")
        if tag == "img" and not element.get("src", "").startswith("data:image/png;base64,"):  # the QR code
            found.append(f"<img src={element.get('src')}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}>")
            compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name.lower() in URL_ATTRIBUTES and compact.startswith(BAD_SCHEMES) and tag != "img":
                found.append(f"<{tag} {name}={value[:60]}>")
    return found


def site_markdown(settings: Settings) -> markdown.Markdown:
    extensions, configs = [], {}
    for entry in settings.site_config["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def split_front_matter(page: str) -> tuple[dict, str]:
    if not page.startswith("---\n"):
        return {}, page
    front, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def test_every_kind_of_page_is_checked(hostile: tuple[Settings, Rendered]) -> None:
    _, rendered = hostile
    pages = set(rendered.pages)
    for prefix in (PREFIX, ALL_PREFIX):
        assert {f"{kind.folder}/{item_id(kind.name, prefix)}.md" for kind in KINDS.values()} <= pages
    assert {f"{kind.folder}/index.md" for kind in KINDS.values()} <= pages
    assert {"exercises/plan.md", "themes/index.md", f"themes/{THEME_ID}/index.md", "sources/index.md"} <= pages


def test_no_page_has_live_markup_after_python_markdown(hostile: tuple[Settings, Rendered]) -> None:
    settings, rendered = hostile
    reader = site_markdown(settings)
    findings = {}
    for name, page in sorted(rendered.pages.items()):
        if not name.endswith(".md"):
            continue
        front, body = split_front_matter(page)
        for field in ("title", "description"):
            if "<" in str(front.get(field, "")):  # MkDocs puts these into the page unescaped
                findings.setdefault(name, []).append(f"front matter {field}: {front[field][:60]}")
        found = live(f"<html><body>{reader.reset().convert(body)}</body></html>")
        if found:
            findings.setdefault(name, []).extend(found)
    assert findings == {}


def test_the_hostile_text_reached_the_pages(hostile: tuple[Settings, Rendered]) -> None:
    _, rendered = hostile
    every_page = "".join(rendered.pages.values())
    assert "hub-00" in rendered.pages[f"packs/{ALL_PREFIX}pack.md"]
    assert all(f"hub-{number:02}" in every_page for number in range(1, 47))


def test_no_print_html_has_live_markup(hostile: tuple[Settings, Rendered]) -> None:
    _, rendered = hostile
    jobs = [job for job in rendered.print_jobs if PREFIX in job.pdf_path]
    assert len(jobs) >= 2 * len(KINDS)
    assert {job.pdf_path: live(job.html) for job in jobs if live(job.html)} == {}
