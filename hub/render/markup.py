"""Author text to safe output: the one path every piece of author text takes, on every page and PDF.

Author fields are Markdown without raw HTML.  They are rendered here, by
markdown-it-py with raw HTML and images off, then cleaned by nh3, so that
nothing an author writes can become live markup, whatever renders the page
afterwards.  Plain-text fields that land inside a Markdown page are escaped so
that Python-Markdown reads them as the literal characters.

A Markdown page is read twice: by us, and then by Python-Markdown, which would
turn ``[x](javascript:...)`` left as text by markdown-it into a live link, or
``{: onclick=... }`` into an attribute.  So every character Python-Markdown
gives a meaning to is written as a character reference (``&#91;``) in the text
of what comes out of here: the browser shows the character, and no Markdown
reader, in any context (a list line, a ``markdown="1"`` element, raw HTML),
can read it as syntax.  The four filters, and where each belongs:

- ``md``: author Markdown, as block HTML;
- ``md_inline``: author Markdown, as inline HTML (list items, table cells);
- ``md_text``: plain text where the page is Markdown (a heading, a link's text);
- ``html_text``: plain text inside HTML on a page (an element's text or an attribute).

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

# The characters that start Markdown syntax in running text (emphasis, code, links,
# images, attribute lists, tables, headings, escapes); ``<`` and ``&`` are escaped as HTML already.
# A character reference already there (``&amp;``, ``&#39;``) is kept whole.
_MARKDOWN_SYNTAX = re.compile(r"(&#?[a-zA-Z0-9]+;)|[\\`*_{}\[\]!|#~]")
# A tag as nh3 writes it: attribute values double-quoted, with any '"' inside escaped.
_TAG = re.compile(r'(<[^>"]*(?:"[^"]*"[^>"]*)*>)')
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_HTML_OR_MARKDOWN = re.compile(r"[&<>\"'\\`*_{}\[\]!|#~]")


def _character_reference(match: re.Match[str]) -> str:
    return match[1] or f"&#{ord(match[0])};"


def markdown_proof(html: str) -> str:
    """``html`` with Markdown syntax in its text written as character references; tags are left alone."""
    parts = _TAG.split(html)
    parts[::2] = [_MARKDOWN_SYNTAX.sub(_character_reference, text) for text in parts[::2]]
    return "".join(parts)


ITEM_LINK = "/__hub_item__/"  # an item's page from the site's root; Renderer.render makes it relative


def relative_item_links(text: str, to_root: str) -> str:
    """``text`` with every link to an item's page relative to a page ``to_root`` (``../../``) below the root."""
    return str(text).replace(f'href="{ITEM_LINK}', f'href="{to_root}')


_ITEM_ANCHOR = re.compile(rf'<a href="{re.escape(ITEM_LINK)}[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


def unlinked_item_links(text: str) -> str:
    """``text`` with each link to an item's page replaced by its words: for print when the site has no address."""
    return _ITEM_ANCHOR.sub(r"\1", str(text))


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
            # The same text is shown on pages at different depths (an item's page, a catalogue, a theme's page)
            # and in PDFs, so the link is written from the site's root and made relative where it is shown.
            return ITEM_LINK + self._item_pages[value]
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
        return Markup(markdown_proof(self._clean(_renderer.render(text)).replace("\n", " ").strip()))

    def _inline(self, text: str) -> Markup:
        """Author Markdown as clean inline HTML (for table cells, list items and headings)."""
        return Markup(markdown_proof(self._clean(_renderer.renderInline(text)).replace("\n", " ").strip()))


def plain_in_markdown(text: str) -> Markup:
    """Plain text placed in a Markdown page (a heading, a list entry): shown as written, on one line."""
    # Quotes stay as written: harmless in Markdown text, whereas the table of contents would show "&#39;".
    escaped = str(escape(" ".join(text.split()))).replace("&#39;", "'").replace("&#34;", '"')
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped))


def plain_in_html(text: str) -> Markup:
    """Plain text placed inside HTML on a Markdown page (an element's text, an attribute).

    On one line, HTML-escaped, and with Markdown syntax as character references, so that it
    shows as written whether or not a Markdown reader ever looks inside the element.
    """
    one_line = " ".join(str(text).split())
    return Markup(_HTML_OR_MARKDOWN.sub(lambda match: _HTML_SPECIAL.get(match[0], f"&#{ord(match[0])};"), one_line))
