"""Themes: ``themes/index.md``, and a page per theme listing its items (in pages of 50)."""

from __future__ import annotations

from collections.abc import Iterator

from hub.model import Model
from hub.model.listings import listing_pages, page_name
from hub.render.formats.base import Format
from hub.render.outputs import Output


class Themes(Format):
    name = "themes"
    reserved = {"index": "themes/index.md", "page": page_name("themes/<theme>", 2)}  # noqa: RUF012 - read only

    def outputs(self, model: Model, downloads: object) -> Iterator[Output]:
        yield Output("themes/index.md", "the themes page", "themes.md.j2", {"by_theme": model.by_theme})
        for theme_id, entries in model.by_theme.items():
            theme = model.library.themes[theme_id]
            for page in listing_pages(f"themes/{theme_id}", entries):
                context = {"theme": theme, "entries": entries, "listing": page}
                yield Output(page.name, f"the theme page '{theme_id}'", "theme.md.j2", context)


FORMAT = Themes()
