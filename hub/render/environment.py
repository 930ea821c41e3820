"""The Jinja environment and the one context every template sees.

Templates are found by a naming rule (see :mod:`hub.render.formats`).  Author
text reaches every page and PDF through the same filters: ``md`` and
``md_inline`` for author Markdown, ``md_text`` for plain text where a page is
Markdown, ``html_text`` for plain text inside HTML on a page (see
:mod:`hub.render.markup`; ``tests/test_template_filters.py`` holds every
template to it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from hub.content.kinds import KINDS
from hub.content.text import plain_text
from hub.model import Model
from hub.model.participant_sheets import notes_sheets, participant_parts
from hub.model.sheet_parts import sheet_parts
from hub.model.star import SCREEN, star_geometry
from hub.model.summaries import summary_repeated
from hub.render.formats import Downloads
from hub.render.formats.workshop_packs import PACK_NOTE
from hub.render.markup import AuthorText, plain_in_html, plain_in_markdown
from hub.render.qr import qr_image, short_link
from hub.render.structured_data import learning_resource
from hub.settings import Settings, is_placeholder_url
from hub.words import duration

USED_BY_SHOWN = 20  # items named under "Used by"; the rest are counted, so a page stays small however many there are


def group_in_order(items: list, attribute: str) -> list[tuple[object, list[tuple[int, object]]]]:
    """Consecutive runs of items sharing ``attribute``, each item with its number from 1."""
    groups: list[tuple[object, list[tuple[int, object]]]] = []
    for number, item in enumerate(items, start=1):
        key = getattr(item, attribute)
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append((number, item))
    return groups


def make_environment(templates: Path, author_text: AuthorText, compiled_templates: Path | None = None) -> Environment:
    """The Jinja environment; ``compiled_templates`` keeps compiled templates between builds (keyed by source)."""
    bytecode_cache = None
    if compiled_templates is not None:
        compiled_templates.mkdir(parents=True, exist_ok=True)
        bytecode_cache = FileSystemBytecodeCache(str(compiled_templates))
    environment = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=bytecode_cache,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        md=author_text.block,
        md_inline=author_text.inline,
        md_text=plain_in_markdown,
        html_text=plain_in_html,
        plain=plain_text,
        groupby_keep=group_in_order,
        qr=qr_image,
        duration=duration,
        short_link=short_link,
    )
    # ``{% if url is published %}``: a page of the site at a real address, which printed pages may point at.
    environment.tests["published"] = lambda url: bool(url) and not is_placeholder_url(url)
    # for the packs' participant pages, whose macros are imported without the context
    environment.globals.update(participant_parts=participant_parts, notes_sheets=notes_sheets)
    return environment


def template_context(model: Model, settings: Settings, downloads: Downloads) -> dict[str, Any]:
    """What every template can use."""
    library = model.library
    return {
        "library": library,
        "kinds": sorted(KINDS.values(), key=lambda kind: kind.order),
        "build_date": settings.build_date,
        "site_url": settings.site_url,
        "paper": settings.paper,
        "theme_labels": lambda item: [library.themes[theme].label for theme in item.themes],
        "used_by_shown": USED_BY_SHOWN,
        "downloads": downloads,
        "star_geometry": star_geometry,
        "star_screen": SCREEN,  # the star's sizes on the site (PRINT is the default)
        "sheet_parts": sheet_parts,
        "summary_repeated": summary_repeated,  # leave out a summary that the text after it says again
        "structured_data": lambda entry: learning_resource(entry, library, settings.site_url),
        "pack_note_text": PACK_NOTE,
    }
