"""Author text to safe output: the one path every piece of author text takes, on every page and PDF.

Author fields are Markdown without raw HTML.  They are rendered here, by
markdown-it-py with raw HTML and images off, then cleaned by nh3, so that
nothing an author writes can become live markup, whatever renders the page
afterwards.  Plain-text fields that land inside a Markdown page are escaped so
that Python-Markdown reads them as the literal characters.

Links may go to web pages, email addresses or other items by id
(``[Sandra's story](sandra)``); content loading has already refused anything else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from hub.content.links import SAFE_SCHEMES

_renderer = MarkdownIt("js-default", {"typographer": False}).disable(["image", "html_inline", "html_block"])

_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "br", "code", "blockquote", "a", "del", "s"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}

# The characters Python-Markdown (with the tables extension) lets a backslash
# escape; everything else that matters is made harmless by HTML escaping.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class AuthorText:
    """Renders author Markdown for one library: links to items go to their pages.

    The same text is rendered for a page, its PDFs and the packs, so each result is remembered.
    """

    def __init__(self, item_pages: Mapping[str, str]) -> None:
        """``item_pages`` says where each item's page is, relative to the site root (``"scenarios/sandra/"``)."""
        self._item_pages = dict(item_pages)
        self.block = lru_cache(maxsize=None)(self._block)
        self.inline = lru_cache(maxsize=None)(self._inline)

    def _safe_href(self, element: str, attribute: str, value: str) -> str | None:
        if (element, attribute) != ("a", "href"):
            return value
        parts = urlsplit(value)
        if parts.scheme:
            return value if parts.scheme.lower() in SAFE_SCHEMES else None
        if value in self._item_pages:
            # Item pages live two folders down (kind/id/); see templates/_item.md.j2.
            return f"../../{self._item_pages[value]}"
        return None

    def _clean(self, html: str) -> str:
        return nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            attribute_filter=self._safe_href,
            url_schemes=SAFE_SCHEMES,
            link_rel="noopener noreferrer",
        )

    def _block(self, text: str) -> Markup:
        """Author Markdown as clean block HTML on one line (safe inside a Markdown page)."""
        return Markup(self._clean(_renderer.render(text)).replace("\n", " ").strip())

    def _inline(self, text: str) -> Markup:
        """Author Markdown as clean inline HTML (for table cells, list items and headings)."""
        return Markup(self._clean(_renderer.renderInline(text)).replace("\n", " ").strip())


def plain_in_markdown(text: str) -> Markup:
    """Plain text placed in a Markdown page (a heading, a list entry): shown as written, on one line."""
    # Quotes stay as written: harmless in Markdown text, whereas the table of contents would show "&#39;".
    escaped = str(escape(" ".join(text.split()))).replace("&#39;", "'").replace("&#34;", '"')
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped))
