"""The hub's references in place of the guide's page numbers: an item's ``hub_refs``, shown in the hub's words
and marked as the hub's, wherever the item's text is shown.

In a PDF that holds what is referred to (a workshop pack holds its exercises), the reference is "page N of
this pack", a link inside the PDF whose number WeasyPrint fills in (``target-counter``); elsewhere in print it
is the item's title, a link to its page on the site; on a page of the site it is a link.  Only text is
touched, never a tag, an attribute or a page's front matter.
"""

from __future__ import annotations

import re

from markupsafe import escape

from hub.content.library import Entry, Library
from hub.content.schemas import HubRef, Pack
from hub.render.markup import ITEM_LINK
from hub.render.outputs import Output

_TAG = re.compile(r"(<[^>]*>)")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.DOTALL)
_OPENING_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9]*(?=[\s>])")
_NO_MARKS_IN = re.compile(r"<(title|script|style|textarea|option|a)\b", re.IGNORECASE)


def _name(entry: Entry) -> str:
    item = entry.item
    number = getattr(item, "number", None)
    return f"Exercise {number}: {item.title}" if number is not None and entry.kind.folder == "exercises" else item.title


def _mark_block(html: str, where: str, owner: Entry, title: str, anchor: str) -> str:
    """``html`` with ``anchor`` as the id of the element whose text is ``title``: the block of the owner's training
    materials a reference means, so that its page (or its place on the page) can be linked to."""
    section = {"pack": f'id="{owner.id}-participant"', "handout": 'id="training-materials"'}.get(where, "")
    begin = html.find(section) if section else 0
    if begin < 0 or f'id="{anchor}"' in html:
        return html
    for written in dict.fromkeys((str(escape(title)), title.replace("'", "&#39;"))):
        found = html.find(f">{written}<", begin)
        tag = html.rfind("<", 0, found) if found >= 0 else -1
        opening = _OPENING_TAG.match(html, tag) if tag >= 0 else None
        if opening is not None and " id=" not in html[tag : found + 1]:
            return f'{html[: opening.end()]} id="{anchor}"{html[opening.end() :]}'
    return html


def _target(ref: HubRef, target: Entry, owner: Entry, html: str, where: str) -> tuple[str, str]:
    """One item referred to, as ``(place, name)`` in HTML: ``on page 7 of this pack`` / ``page 7 of this pack``.

    ``where`` is "pack" (a shipped pack, whose page numbers are its own), "section" (a pack made to order, or
    an exercise's section of the packs the browser makes, whose page numbers are not known when it is printed),
    "handout" or "web"."""
    own = ref.part == "training materials" and target is owner
    if target is owner and not own:
        return "below", "the one below"
    block = f"{owner.id}-{ref.block_anchor}" if ref.block else ""
    block = block if block and f'id="{block}"' in html else ""
    if where == "web" and own:
        here = f"#{block or 'training-materials'}"
        return f'<a href="{here}">below</a>', f'<a href="{here}">the training materials below</a>'
    if where == "section" and own:
        return "in the participant materials after this guide", "the participant materials after this guide"
    if where in ("pack", "handout"):
        if own:
            section = f"{target.id}-participant" if where == "pack" else "training-materials"
            anchor = (block or section) if f'id="{section}"' in html else None
            kind = "participant" if where == "pack" else "training"
            what = f"the {kind} materials for {_name(target)}"
            what = f"{ref.block}, in {what}" if block else what
        else:
            anchor = target.id if where == "pack" and ref.part is None and f'id="{target.id}"' in html else None
            what = _name(target)
        if anchor is not None:
            page = f'page <a class="hub-page-number" href="#{anchor}" title="{escape(what)}"></a> of this {where}'
            return f"on {page}", page
        if own:
            return "in the participant handout", "the participant handout"
    link = f'<a href="{ITEM_LINK}{target.url}">{escape(_name(target))}</a>'
    if ref.part == "training materials":
        link = f"the training materials of {link}"
    named = link if where == "web" else f"‘{link}’"
    return f"in {named}", named


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _replacement(ref: HubRef, owner: Entry, library: Library, html: str, where: str) -> str:
    found = [_target(ref, library.entries[t], owner, html, where) for t in ref.to if t in library.entries]
    if not found:
        return str(escape(ref.words))
    if ref.form == "name":
        words = _joined([name for _, name in found])
    else:
        words = found[0][0] + ("" if len(found) == 1 else " and " + _joined([name for _, name in found[1:]]))
    if ref.say is not None:
        before, _, after = ref.say.partition("{}")
        words = f"{escape(before)}{words}{escape(after)}"
    said = escape(f"The hub’s words, for the guide’s “{ref.words}”")
    # On a page a screen reader says whose words they are; in print they are marked by their colour and rule
    # (a hidden label there would be read out of its place by anything that takes the text from the page).
    label = '<span class="hub-visually-hidden">The hub’s reference: </span>' if where == "web" else ""
    return f'<span class="hub-ref" data-provenance="hub" title="{said}">{label}{words}</span>'


def _where(output: Output, item: object, entries: dict[int, Entry]) -> str:
    if not output.is_print:
        return "web"
    if isinstance(item, Pack):
        return "pack" if id(item) in entries else "section"  # a pack in no content file is made to order
    return "section" if output.path.startswith("sections/") else "handout"


def refer(html: str, output: Output, item: object, library: Library) -> str:
    """``html`` (a page or print HTML of ``item``) with the references of it, and of a pack's exercises, replaced."""
    owners = [item] if item is not None else []
    if isinstance(item, Pack):
        owners += [library.entries[i].item for i in item.exercises if i in library.entries]
    by_item = {id(entry.item): entry for entry in library.entries.values()}
    wanted = [(by_item[id(o)], ref) for o in owners if id(o) in by_item for ref in getattr(o, "hub_refs", [])]
    if not wanted:
        return html
    head = _FRONT_MATTER.match(html)
    start = head.end() if head else 0
    where = _where(output, item, by_item)
    for owner, ref in wanted:
        if ref.block:
            html = _mark_block(html, where, owner, ref.block, f"{owner.id}-{ref.block_anchor}")
    swaps = [
        (written, _replacement(ref, owner, library, html, where))
        for owner, ref in wanted
        for written in dict.fromkeys((ref.words, str(escape(ref.words)), ref.words.replace("'", "&#39;")))
    ]
    parts = _TAG.split(html[start:])
    closing: str | None = None
    for index, part in enumerate(parts):
        if index % 2:
            if closing and part.lower().startswith(closing):
                closing = None
            elif not closing and (opened := _NO_MARKS_IN.match(part)):
                closing = f"</{opened[1].lower()}"
            continue
        if closing:
            continue
        for written, replacement in swaps:
            part = part.replace(written, replacement)
        parts[index] = part
    return html[:start] + "".join(parts)
