"""Author text to safe output, and the checks author text must pass.

Author fields are Markdown without raw HTML.  They are rendered here, by
markdown-it-py with raw HTML and images off, then cleaned by nh3, so that
nothing an author writes can become live markup, whatever renders the page
afterwards.  Plain-text fields that land inside a Markdown page are escaped so
that Python-Markdown reads them as the literal characters.

Links may go to web pages (``https://``, ``http://``), to email addresses
(``mailto:``) or to another item by its id (``[Sandra's story](sandra)``);
:func:`markdown_problems` says what is wrong with any other link or with an
image, so that content loading can report it with its line and column.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

_renderer = MarkdownIt("js-default", {"typographer": False}).disable(["image", "html_inline", "html_block"])
_checker = MarkdownIt("js-default", {"typographer": False}).disable(["html_inline", "html_block"])

_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "br", "code", "blockquote", "a", "del", "s"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_SAFE_SCHEMES = {"https", "http", "mailto"}
_ITEM_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

# The characters Python-Markdown (with the tables extension) lets a backslash
# escape; everything else that matters is made harmless by HTML escaping.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")

# Where each item's page is, relative to the site root ("scenarios/sandra/"),
# so that a link written as [text](sandra) can be rendered.  Content loading
# fills it; imported Jinja macros cannot see the template's variables, so the
# filters cannot be handed the library.
_item_pages: dict[str, str] = {}


def use_item_pages(pages: Mapping[str, str]) -> None:
    """Tell the renderer where each item's page is (``{"sandra": "scenarios/sandra/"}``)."""
    if _item_pages == pages:
        return  # keep what was rendered (the live preview loads the content again on every save)
    _item_pages.clear()
    _item_pages.update(pages)
    markdown_block.cache_clear()
    markdown_inline.cache_clear()


def _safe_href(element: str, attribute: str, value: str) -> str | None:
    if (element, attribute) != ("a", "href"):
        return value
    parts = urlsplit(value)
    if parts.scheme:
        return value if parts.scheme.lower() in _SAFE_SCHEMES else None
    if value in _item_pages:
        # Item pages live two folders down (kind/id/); see templates/_item.md.j2.
        return f"../../{_item_pages[value]}"
    return None


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_safe_href,
        url_schemes=_SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    )


# The same text is rendered for a page, its PDFs and the packs, so each result is remembered
# (until the item pages change, since links depend on them).
@cache
def markdown_block(text: str) -> Markup:
    """Author Markdown as clean block HTML on one line (safe inside a Markdown page)."""
    html = _clean(_renderer.render(text))
    return Markup(html.replace("\n", " ").strip())


@cache
def markdown_inline(text: str) -> Markup:
    """Author Markdown as clean inline HTML (for table cells, list items and headings)."""
    html = _clean(_renderer.renderInline(text))
    return Markup(html.replace("\n", " ").strip())


def plain_in_markdown(text: str) -> Markup:
    """Plain text placed in a Markdown page (a heading, a list entry): shown as written, on one line."""
    # Quotes stay as written: harmless in Markdown text, whereas the table of contents would show "&#39;".
    escaped = str(escape(" ".join(text.split()))).replace("&#39;", "'").replace("&#34;", '"')
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped))


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


# --- checks ------------------------------------------------------------------


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
        if parts.scheme.lower() in _SAFE_SCHEMES:
            return None
        return f"link to '{shown}' is not allowed; {_HOW_TO_LINK}"
    if href in item_ids:
        return None
    if _ITEM_ID.fullmatch(href):
        guess = closest(href, item_ids)
        hint = f"; did you mean '{guess}'?" if guess else " (an item's id is the name of its file, without .yml)"
        return f"link to unknown item '{href}'{hint}"
    stem = PurePosixPath(parts.path).stem
    if stem in item_ids:
        return f"link to '{shown}' must name the item by its id alone; did you mean '{stem}'?"
    return f"link to '{shown}' does not name an item; {_HOW_TO_LINK}"


def closest(name: str, pool: Collection[str]) -> str | None:
    """The name in ``pool`` that ``name`` was most likely meant to be.

    Among names that begin with the same word, only what follows their shared
    beginning counts, so that ``exercise-9-keeping-going`` is not taken for
    ``exercise-6-risk-taking`` because both start ``exercise-``.
    """
    kin = sorted(candidate for candidate in pool if candidate.split("-")[0] == name.split("-")[0])
    shared = 0
    for letters in zip(name, *kin, strict=False):
        if len(set(letters)) > 1:
            break
        shared += 1
    shared = name.rfind("-", 0, shared) + 1  # whole words only
    by_rest = {candidate[shared:]: candidate for candidate in (kin or sorted(pool))}
    guess = difflib.get_close_matches(name[shared:], list(by_rest), n=1)
    return by_rest[guess[0]] if guess else None
