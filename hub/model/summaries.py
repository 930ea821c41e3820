"""Whether an item's summary would only repeat the text it stands above.

A page or handout opens with the item's summary, then its text.  Many summaries (the hub's especially)
are the first paragraph in brief, so printed above it they say the same thing twice.  Such a summary
is left out where the text follows (item pages and handouts); it is still the item's description in
lists, search and the PDF's metadata.
"""

from __future__ import annotations

import re

from hub.content.schemas import Item
from hub.content.text import plain_text

# Words too common to show that two texts say the same thing.
_COMMON = frozenset(
    re.findall(
        r"\w+",
        "a an and are as at be but by can for from has have how in into is it its more not of on or our so than "
        "that the their them these they this those to we what which who will with you your",
    )
)
MOST = 0.6  # the share of a summary's words in the first paragraph above which it says the same
OPENING = 0.8  # the share of its opening clause's words in the paragraph's opening sentence, likewise


def _words(text: str) -> set[str]:
    """The telling words of a text, cut to their first five letters so that ``practise`` meets ``practice``."""
    return {word[:5] for word in re.findall(r"[a-z0-9]+", plain_text(text).lower()) if word not in _COMMON}


def _opening(text: str) -> str:
    """The text up to its first full stop, semicolon or colon."""
    return re.split(r"(?<=[.;:])\s", plain_text(text).strip(), maxsplit=1)[0]


def first_paragraph(item: Item) -> str | None:
    """The first paragraph of the text that follows an item's summary, if it starts with one."""
    groups = getattr(item, "groups", None)
    body = getattr(item, "body", None) or []
    candidates = [
        getattr(item, "intro", None),
        getattr(item, "text", None),
        getattr(body[0], "text", None) or getattr(body[0], "intro", None) if body else None,
        groups[0].intro if groups else None,
    ]
    text = next((candidate for candidate in candidates if candidate), None)
    return text.strip().split("\n\n")[0] if text else None


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def summary_repeated(item: Item) -> bool:
    """Whether the item's summary says what the first paragraph after it says: most of its words are there,
    or all but a few of its opening clause's words are in the paragraph's opening sentence."""
    paragraph = first_paragraph(item)
    if paragraph is None:
        return False
    summary = item.summary_text
    if _share(_words(summary), _words(paragraph)) >= MOST:
        return True
    return _share(_words(_opening(summary)), _words(_opening(paragraph))) >= OPENING
