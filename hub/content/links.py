"""The checks author Markdown must pass: no images, and links only to web pages, email addresses or items."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from hub.words import did_you_mean

SAFE_SCHEMES = {"https", "http", "mailto"}
ITEM_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_checker = MarkdownIt("js-default", {"typographer": False}).disable(["html_inline", "html_block"])


@dataclass(frozen=True)
class TextProblem:
    """Something wrong in one piece of author Markdown; ``written`` is the text to point at."""

    written: str
    message: str


_HOW_TO_LINK = (
    "link to a web page by its full address (https://...), to an email address (mailto:...) "
    "or to another item by its id, like [Sandra's story](sandra)"
)


def markdown_problems(text: str, item_ids: Collection[str]) -> list[TextProblem]:
    """Images, and links that go nowhere or to something other than a web page, email address or item."""
    problems = []
    for token in _inline_tokens(_checker.parse(text)):
        if token.type == "image":
            what = "images are not allowed in text"
            if not token.content.strip():
                what = "image without alt text; images are not allowed in text"
            problems.append(TextProblem("![", f"{what}, so describe what it shows in words instead"))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            message = _link_problem(href, item_ids)
            if message:
                problems.append(TextProblem(_checker.normalizeLinkText(href), message))
    return problems


def _inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield from token.children or ()


def _link_problem(href: str, item_ids: Collection[str]) -> str | None:
    shown = _checker.normalizeLinkText(href)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in SAFE_SCHEMES:
            return None
        return f"link to '{shown}' is not allowed; {_HOW_TO_LINK}"
    if href in item_ids:
        return None
    if ITEM_ID.fullmatch(href):
        hint = did_you_mean(href, item_ids, ids=True) or " (an item's id is the name of its file, without .yml)"
        return f"link to unknown item '{href}'{hint}"
    stem = PurePosixPath(parts.path).stem
    if stem in item_ids:
        return f"link to '{shown}' must name the item by its id alone; did you mean '{stem}'?"
    return f"link to '{shown}' does not name an item; {_HOW_TO_LINK}"
