"""Author text to safe output.

Author fields are Markdown without raw HTML.  They are rendered here, by
markdown-it-py with raw HTML off, then cleaned by nh3, so that nothing an
author writes can become live markup, whatever renders the page afterwards.
Plain-text fields that land inside a Markdown page are escaped so that
Python-Markdown reads them as the literal characters.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_renderer = MarkdownIt("js-default", {"typographer": False}).disable(["image", "html_inline", "html_block"])

_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "br", "code", "blockquote", "a", "del", "s"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_SAFE_SCHEMES = {"https", "http", "mailto"}

# The characters Python-Markdown (with the tables extension) lets a backslash
# escape; everything else that matters is made harmless by HTML escaping.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    )


def markdown_block(text: str) -> Markup:
    """Author Markdown as clean block HTML on one line (safe inside a Markdown page)."""
    html = _clean(_renderer.render(text))
    return Markup(html.replace("\n", " ").strip())


def markdown_inline(text: str) -> Markup:
    """Author Markdown as clean inline HTML (for table cells, list items and headings)."""
    html = _clean(_renderer.renderInline(text))
    return Markup(html.replace("\n", " ").strip())


def plain_in_markdown(text: str) -> Markup:
    """Plain text placed in a Markdown page: shown exactly as written."""
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(escape(text))))


def plain_text(html_or_markdown: str) -> str:
    """Text with Markdown emphasis and tags removed, for metadata and search summaries."""
    html = _renderer.renderInline(html_or_markdown)
    return (
        nh3.clean(html, tags=set())
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'")
    )
