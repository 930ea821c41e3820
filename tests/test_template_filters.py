"""Every value a page template writes takes a named safe path: author text through ``md``, ``md_inline``,
``md_text`` or ``html_text`` (see hub/render/markup.py), and anything else only if it is known not to be
author text (an id, a number, a folder, a time worked out by the hub).

This reads the templates themselves, so a new field written raw into a page fails here before any hostile
text has to find it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import nodes

from conftest import REPO
from hub.render.environment import make_environment
from hub.render.markup import AuthorText

SAFE_FILTERS = {"md", "md_inline", "md_text", "html_text", "tojson", "length", "duration", "int"}
# Values that are not author text: ids (slugs, checked on load), numbers, and words and times the hub makes.
NOT_AUTHOR_TEXT = re.compile(
    r"""(
        (entry|other|e|shown_in|slot\.entry|library\.entries\[\])\.id | item\.themes
      | e | s | w | theme_id | doc_id | p\.key | version
      | (item|e\.item|x|library\.entries\[\]\.item)\.(number|part|scale_max|time\.minutes|time\.length)
      | item\.(scale|points|principles)
      | kind\.(folder|name|title|singular) | other\.kind\.(folder|singular) | entry\.kind\.(folder|singular)
      | noun | number | minutes | part | count | total | score | reading | need_number | level
      | loop\.(index|index0|length) | principles\[\]\[\] | used | used_by_shown
      | listing\.[a-z_]+ | link\.(pdf_path|label) | paper\.label
      | plan\.(start_text|end_text|total_text|break_minutes|exercises|planner_address)
      | slot\.(start_text|length_text|elapsed_text) | entries | by_theme\[\]
      | when | label | suffix | style\.(stroke|dash|marker) | what | hand_out\.at_step
      | facts\.(pages_text|size_text) | row\.link\.pdf_path | row\.entry\.(id|kind\.folder)
    )""",
    re.VERBOSE,
)
PAGE_TEMPLATES = [*sorted((REPO / "templates").glob("*.md.j2")), REPO / "templates/_blocks.html.j2"]


def name_of(node: nodes.Node) -> str | None:
    """``item.time.minutes``, ``library.entries[].item.title``; None if ``node`` is not a plain name."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        inner = name_of(node.node)
        return None if inner is None else f"{inner}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        inner = name_of(node.node)
        return None if inner is None else f"{inner}[]"
    return None


def unsafe(node: nodes.Node) -> list[str]:
    """The parts of an output expression that may be author text written raw."""
    if isinstance(node, nodes.TemplateData | nodes.Const):
        return []
    if isinstance(node, nodes.Filter):
        if node.name in SAFE_FILTERS:
            return []
        if node.name == "map" and node.args and getattr(node.args[0], "value", None) in SAFE_FILTERS:
            return []
        return unsafe(node.node) if node.node is not None else []
    if isinstance(node, nodes.Call):
        return []  # a macro or helper; a macro's own output is checked where it is defined
    if isinstance(node, nodes.CondExpr):
        return unsafe(node.expr1) + (unsafe(node.expr2) if node.expr2 is not None else [])
    if isinstance(node, nodes.BinExpr | nodes.Concat):
        parts = [node.left, node.right] if isinstance(node, nodes.BinExpr) else node.nodes
        return [found for part in parts for found in unsafe(part)]
    name = name_of(node)
    if name is not None and NOT_AUTHOR_TEXT.fullmatch(name):
        return []
    return [name or type(node).__name__]


@pytest.mark.parametrize("template", PAGE_TEMPLATES, ids=lambda path: path.name)
def test_every_value_on_a_page_takes_a_safe_path(template: Path) -> None:
    environment = make_environment(REPO / "templates", AuthorText({}))
    tree = environment.parse(template.read_text(encoding="utf-8"))
    raw = sorted({found for output in tree.find_all(nodes.Output) for child in output.nodes for found in unsafe(child)})
    assert raw == []


def test_the_check_finds_a_raw_field() -> None:
    environment = make_environment(REPO / "templates", AuthorText({}))
    tree = environment.parse("<p>{{ item.summary }} {{ item.title|lower }} {{ item.number }} {{ x.y|md }}</p>")
    found = [name for output in tree.find_all(nodes.Output) for child in output.nodes for name in unsafe(child)]
    assert found == ["item.summary", "item.title"]
