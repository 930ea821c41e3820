"""Hostile author text: injection payloads, and one content item of every kind with every field full of them."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from hub.content.kinds import KINDS

# Each payload names itself ("hub-NN") so that a finding says which one got through.
PAYLOADS = [
    '<script>alert("hub-01")</script>',
    "<img src=x onerror=\"alert('hub-02')\">",
    "<svg onload=\"alert('hub-03')\">",
    '<svg><script>alert("hub-04")</script></svg>',
    "<iframe src=\"javascript:alert('hub-05')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('hub-06')</script>\"></iframe>",
    "<object data=\"javascript:alert('hub-07')\"></object>",
    "<embed src=\"javascript:alert('hub-08')\">",
    "[click hub-09](javascript:alert('hub-09'))",
    "[click hub-10](JaVaScRiPt:alert('hub-10'))",
    "[click hub-11](data:text/html;base64,PHNjcmlwdD5hbGVydCgnaHViLTExJyk8L3NjcmlwdD4=)",
    "<a href=\"javascript:alert('hub-12')\">hub-12</a>",
    "Text hub-13 { onclick=\"alert('hub-13')\" }",
    "**bold hub-14** {: onmouseover=\"alert('hub-14')\" }",
    "{{ 7*7 }} {% if true %}hub-15{% endif %}",
    "&lt;script&gt;alert('hub-16')&lt;/script&gt;",
    "&#60;script&#62;alert('hub-17')&#60;/script&#62;",
    "<a href=\"&#106;avascript:alert('hub-18')\">hub-18</a>",
    "<details open ontoggle=\"alert('hub-19')\">hub-19</details>",
    "<style>body{background:url(\"javascript:alert('hub-20')\")}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"alert('hub-21')\">",
    "\"><script>alert('hub-22')</script>",
    "'><img src=x onerror=alert('hub-23')>",
    "</textarea></title><script>alert('hub-24')</script>",
    "<!--<img src=\"--><img src=x onerror=alert('hub-25')//\">",
    "[hub-26](<javascript:alert('hub-26')>)",
    "<base href=\"javascript:alert('hub-27')//\">",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'hub-28\')">',
    "<form action=\"javascript:alert('hub-29')\"><button>hub-29</button></form>",
    "<a href=\"vbscript:msgbox('hub-30')\">hub-30</a>",
    "see [hub-31][x]\n\n[x]: javascript:alert('hub-31')",
    "<x onclick=alert('hub-32')>hub-32</x>",
    "Front\n---\ninjected: hub-33\n---\n<script>alert('hub-33')</script>",
    "\\u003cscript\\u003ealert('hub-34')\\u003c/script\\u003e",
    '<a href="https://example.org" onmouseover="alert(\'hub-35\')">hub-35</a>',
    '${alert("hub-36")} `<script>alert("hub-37")</script>`',
    # Links and images that markdown-it leaves as text but Python-Markdown, reading the page after us, would make live.
    "![hub-38](file:///etc/passwd) ![hub-38](javascript:alert('hub-38'))",
    "[hub-39](file:///etc/passwd) [hub-39](  JAVASCRIPT:alert('hub-39'))",
    "*hub-40*{: onclick=\"alert('hub-40')\" } [hub-40](<javascript:alert('hub-40')>){: onmouseover=alert('hub-40') }",
    "<javascript:alert('hub-41')> <https://example.org\" onmouseover=\"alert('hub-41')>",
    "[hub-42][] and [hub-42]\n\n[hub-42]: javascript:alert('hub-42') \"title\"",
    "| hub-43 | <script>alert('hub-43')</script> |\n| --- | --- |\n| [x](javascript:alert('hub-43')) | y |",
    "    <script>alert('hub-44')</script>\n\n```\n<script>alert('hub-44')</script>\n```",
    "Line one\n\n<div markdown=\"1\">[hub-45](javascript:alert('hub-45'))</div>",
]

PREFIX = "hostile-"
SOURCE_ID = "hostile-source"
THEME_ID = "hostile-theme"
# A theme's label is a tag too, so it must also be listed in mkdocs.yml (see write_hostile_content); Material
# shows tags as written, so a label may not hold < > & or " (tests/test_content_hardening.py), but all else goes.
THEME_LABEL = "[hub-46](javascript:alert('hub-46')) {: onclick=alert('hub-46') } *hub-46* `x` ![x](file:///etc/passwd)"


ALL_PREFIX = "hostile-all-"  # the second set of items: EVERY_WAY_OUT in every text field


def item_id(kind_name: str, prefix: str = PREFIX) -> str:
    return prefix + kind_name


# Every way out of a field at once, with no long words: put in every text field, it shows whether any
# field, in any template, reaches a page by a path that would let one of them through.
EVERY_WAY_OUT = (
    "<img src=x onerror=alert('hub-00')> [hub-00](javascript:alert(0)) ![hub-00](file:///etc/passwd) "
    "*hub-00*{: onclick=alert(0) } <script>alert(0)</script> [hub-00][r]\n\n[r]: javascript:alert(0)"
)

# Card decks cannot yet break an unbroken word of about 40 characters or more (issue #12, class 3), so
# the kinds that are printed as cards get the payloads without one.
CARD_KINDS = {"scenario", "questions", "principles"}
CARD_PAYLOADS = [payload for payload in PAYLOADS if max(len(word) for word in payload.split()) < 36]


class _Filler:
    """Builds valid content in which every text field holds the next payload."""

    def __init__(self, payloads: list[str], prefix: str, number: int) -> None:
        self._prefix, self._number = prefix, number
        self._payloads = itertools.cycle(payloads)
        self._card_payloads = itertools.cycle([p for p in payloads if p in CARD_PAYLOADS] or [EVERY_WAY_OUT])
        self._points = itertools.count(1)
        self._hub_summary = itertools.cycle([False, True])  # an item has the source's summary or the hub's
        self.for_cards = False

    def text(self) -> str:
        return next(self._card_payloads if self.for_cards else self._payloads)

    def value(self, annotation: object, name: str) -> object:
        special = {
            "themes": ["values", THEME_ID],
            "see_also": [item_id("guidance", self._prefix)],
            "scenarios": [item_id("scenario", self._prefix)],
            "worksheets": [item_id("worksheet", self._prefix)],
            "comparisons": [item_id("comparison", self._prefix)],
            "exercises": [item_id("exercise", self._prefix)],
            "compare_with": [],
            "key": f"point-{next(self._points)}",
            "document": SOURCE_ID,
            "number": str(self._number),
            "part": "1",
            "minutes": "30",
            "at_step": "1",
            "blank_rows": "2",
            "scale_max": "10",
            "at_least": "true",
            "ordered": "true",
            "hub_header": "true",
            "start": "09:30",
            "after": item_id("exercise", self._prefix),
            "url": "https://example.org/",
            "lengths": {},  # a pack's lengths are minutes for its exercises: numbers, checked on load
            "hub_refs": [],  # a reference replaces words an item writes: checked on load, escaped when shown
        }
        if name in special:
            return special[name]
        return self.fill(annotation)

    def fill(self, annotation: object) -> object:
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is Annotated:
            return self.fill(args[0])
        if annotation is str:
            return self.text()
        if origin is Literal:
            return args[0]
        if origin in (Union, UnionType):
            return self.fill(next(arm for arm in args if arm is not type(None)))
        if origin is list:
            return self.entries(args[0])
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self.model(annotation)
        raise TypeError(f"no filler for {annotation!r}")

    def entries(self, annotation: object) -> list:
        """Three entries; for a union, entries of every arm (one block of each type)."""
        inner = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
        if get_origin(inner) in (Union, UnionType):
            arms = get_args(inner)
            return [self.fill(arm) for arm in (*arms, arms[0])] if len(arms) == 2 else [self.fill(a) for a in arms]
        return [self.fill(annotation) for _ in range(3)]

    def model(self, model: type[BaseModel]) -> dict:
        data = {}
        for name, info in model.model_fields.items():
            annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            data[name] = self.value(annotation, name)
        if "summary" in data and "hub_summary" in data:
            del data["summary" if next(self._hub_summary) else "hub_summary"]
        return data


def hostile_items(payloads: list[str] = PAYLOADS, prefix: str = PREFIX, number: int = 90) -> dict[str, dict]:
    """``content/<folder>/<id>.yml`` → data, one item per kind, its text fields filled from ``payloads`` in turn."""
    filler = _Filler(payloads, prefix, number)
    items = {}
    for kind in KINDS.values():
        filler.for_cards = kind.name in CARD_KINDS
        data = filler.model(kind.schema)
        if kind.name == "pack":  # a break must come between two exercises
            data["exercises"] = [item_id("exercise", prefix), "exercise-1-defining-the-approach"]
            data["breaks"] = data["breaks"][:1]
        if kind.name == "exercise":
            data["training_materials"] = [block for block in data["training_materials"] if block["type"] != "table"]
        for block in _blocks_not_handed_out(kind.name, data):
            del block["hand_out"]  # only an exercise's training materials are handed out during it
        for table in _tables(data):
            table["rows"] = [row[: len(table["header"])] for row in table["rows"]]
        if data.get("see_also") == [item_id(kind.name, prefix)]:
            data["see_also"] = [item_id("scenario", prefix)]
        items[f"content/{kind.folder}/{item_id(kind.name, prefix)}.yml"] = data
    return items


def _blocks_not_handed_out(kind: str, data: object, field: str = "") -> Iterator[dict]:
    if isinstance(data, dict):
        if "hand_out" in data and not (kind == "exercise" and field == "training_materials"):
            yield data
        for name, value in data.items():
            yield from _blocks_not_handed_out(kind, value, name)
    elif isinstance(data, list):
        for value in data:
            yield from _blocks_not_handed_out(kind, value, field)


def _tables(data: object) -> Iterator[dict]:
    if isinstance(data, dict):
        if "header" in data and "rows" in data:
            yield data
        for value in data.values():
            yield from _tables(value)
    elif isinstance(data, list):
        for value in data:
            yield from _tables(value)


def write_hostile_content(project: Path) -> dict[str, dict]:
    """Add a hostile source document, a hostile theme and two hostile items of every kind to the project's content:
    one with the payloads in turn in its text fields, one with EVERY_WAY_OUT in every text field."""
    items = hostile_items(PAYLOADS, PREFIX, 90) | hostile_items([EVERY_WAY_OUT], ALL_PREFIX, 91)
    for relative, data in items.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text(dump(data), encoding="utf-8")
    source = {
        SOURCE_ID: {
            "title": PAYLOADS[0],
            "publisher": PAYLOADS[1],
            "date": PAYLOADS[21],
            "licence": {"name": PAYLOADS[23], "url": "https://example.org/licence?a=b&c='d'"},
            "licence_note": PAYLOADS[37],
            "url": "HTTPS://example.org/source?q='onclick=alert(47)'&r=(x)",
        }
    }
    source[SOURCE_ID + "-unlicensed"] = {  # a source with no licence shows its licence note instead
        "title": PAYLOADS[2],
        "publisher": PAYLOADS[3],
        "date": PAYLOADS[4],
        "licence_note": PAYLOADS[37],
    }
    with open(project / "content/sources.yml", "a", encoding="utf-8") as sources:
        sources.write(dump(source))
    theme = {THEME_ID: {"label": THEME_LABEL, "description": PAYLOADS[38] + " " + PAYLOADS[40]}}
    with open(project / "content/themes.yml", "a", encoding="utf-8") as themes:
        themes.write(dump(theme))
    config = project / "mkdocs.yml"
    allowed = "      tags_allowed:\n"
    text = config.read_text(encoding="utf-8")
    assert allowed in text
    config.write_text(text.replace(allowed, f"{allowed}        - {json.dumps(THEME_LABEL)}\n"), encoding="utf-8")
    return items


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
