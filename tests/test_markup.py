"""Author text never becomes live markup, in pages or in print."""

from __future__ import annotations

import lxml.html
import markdown
import pytest

from hub.markup import markdown_block, markdown_inline, plain_in_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "Text { onclick=alert(1) }",
    "<iframe src='https://example.org'></iframe>",
    "<svg onload=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }}",
    "**bold** {: .x onclick=alert(1) }",
]


def live_markup(html: str) -> list[str]:
    """Elements or attributes in ``html`` that could run or load something."""
    found = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        if element.tag in ("script", "iframe", "svg", "img", "object", "embed", "style"):
            found.append(element.tag)
        for name, value in element.attrib.items():
            if name.startswith("on") or name in ("style", "src", "class", "id"):
                found.append(f"{element.tag}[{name}]")
            if name == "href" and not value.startswith(("https://", "http://", "mailto:")):
                found.append(f"{element.tag}[href={value}]")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_fields_are_safe_even_after_python_markdown(payload: str) -> None:
    for rendered in (markdown_block(payload), markdown_inline(payload)):
        page = markdown.markdown(f"<div>{rendered}</div>\n\n{plain_in_markdown(payload)}\n", extensions=["attr_list"])
        assert live_markup(page) == [], page


def test_emphasis_and_safe_links_survive() -> None:
    assert markdown_inline("a **b** *c* [d](https://example.org)") == (
        'a <strong>b</strong> <em>c</em> <a href="https://example.org" rel="noopener noreferrer">d</a>'
    )


def test_plain_text_in_a_markdown_heading_shows_as_written() -> None:
    title = "Tea-Brief: *not* [a link](x) {#id}"
    html = markdown.markdown(f"# {plain_in_markdown(title)}", extensions=["attr_list"])
    assert html == "<h1>Tea-Brief: *not* [a link](x) {#id}</h1>"
