"""Slips in the source, kept as written and marked "[sic]" as the hub's note, on pages and in print."""

from __future__ import annotations

import re

from markupsafe import escape

SIC_MARK = (
    '<span class="hub-sic" data-provenance="hub" title="Note from the hub: as written in the source">'
    '<span class="hub-visually-hidden">Note from the hub: </span>[sic]</span>'
)
_TAG = re.compile(r"(<[^>]*>)")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.DOTALL)
_NO_MARKS_IN = re.compile(r"<(title|script|style|textarea|option)\b", re.IGNORECASE)


def mark_slips(html: str, item: object) -> str:
    """``html`` (a page or print HTML of ``item``) with [sic], marked as the hub's, after each of the item's ``sic``.

    Only text is touched: never a tag or attribute, a page's front matter, or
    text that cannot hold markup (a title, a script, a form field).
    """
    phrases = [phrase for phrase in getattr(item, "sic", []) if phrase]
    if not phrases:
        return html
    head = _FRONT_MATTER.match(html)
    start = head.end() if head else 0
    parts = _TAG.split(html[start:])
    closing: str | None = None
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if closing and part.lower().startswith(closing):
                closing = None
            elif not closing and (opened := _NO_MARKS_IN.match(part)):
                closing = f"</{opened[1].lower()}"
            continue
        if closing:
            continue
        for phrase in phrases:
            for written in dict.fromkeys((phrase, str(escape(phrase)), phrase.replace("'", "&#39;"))):
                part = part.replace(written, written + SIC_MARK)
        parts[index] = part
    return html[:start] + "".join(parts)
