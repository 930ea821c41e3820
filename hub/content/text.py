"""Author Markdown as the plain words a reader sees, for metadata, search summaries and measuring."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_inline = MarkdownIt("js-default", {"typographer": False}).disable(["image", "html_inline", "html_block"])


def plain_text(html_or_markdown: str) -> str:
    """Text with Markdown emphasis and tags removed."""
    html = _inline.renderInline(html_or_markdown)
    return (
        nh3.clean(html, tags=set())
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'")
    )
