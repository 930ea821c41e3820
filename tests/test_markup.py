# ruff: noqa: E501  (expected messages read best whole)
"""Author text never becomes live markup, in pages or in print."""

from __future__ import annotations

import lxml.html
import markdown
import pytest

from hub.content.links import markdown_problems
from hub.render.markup import AuthorText, plain_in_markdown
from hub.words import closest

NO_ITEMS = AuthorText({})
markdown_block, markdown_inline = NO_ITEMS.block, NO_ITEMS.inline

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


@pytest.fixture
def item_pages() -> AuthorText:
    return AuthorText({"sandra": "scenarios/sandra/", "leading-for-outcomes-references": "guidance/x/"})


def test_a_link_to_an_item_goes_to_its_page(item_pages: AuthorText) -> None:
    assert item_pages.inline("See [her story](sandra).") == (
        'See <a href="/__hub_item__/scenarios/sandra/" rel="noopener noreferrer">her story</a>.'
    )


@pytest.mark.parametrize("text", ["[x](nowhere)", "[x](../x.md)", "[x](//example.org)", "[x](ftp://example.org)"])
def test_a_link_that_goes_nowhere_loses_its_address(item_pages: AuthorText, text: str) -> None:
    assert item_pages.inline(text) == '<a rel="noopener noreferrer">x</a>'


def test_images_never_render(item_pages: AuthorText) -> None:
    assert "<img" not in item_pages.block("![a house](https://example.org/house.png)")


HOW = (
    "link to a web page by its full address (https://...), to an email address (mailto:...) "
    "or to another item by its id, like [Sandra's story](sandra)"
)


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("[a](https://example.org) [b](mailto:a@example.org) [c](sandra) <https://example.org>", []),
        ("[a](sandar)", [("sandar", "link to unknown item 'sandar'; did you mean 'sandra'?")]),
        ("[a](zzz)", [("zzz", "link to unknown item 'zzz' (an item's id is the name of its file, without .yml)")]),
        (
            "[a](../scenarios/sandra.md)",
            [
                (
                    "../scenarios/sandra.md",
                    "link to '../scenarios/sandra.md' must name the item by its id alone; did you mean 'sandra'?",
                )
            ],
        ),
        ("[a](#top)", [("#top", f"link to '#top' does not name an item; {HOW}")]),
        ("[a](ftp://x.org)", [("ftp://x.org", f"link to 'ftp://x.org' is not allowed; {HOW}")]),
        (
            "[r][d]\n\n[d]: zzz-top",
            [("zzz-top", "link to unknown item 'zzz-top' (an item's id is the name of its file, without .yml)")],
        ),
        (
            "![](a.png)",
            [
                (
                    "![",
                    "image without alt text; images are not allowed in text, so describe what it shows in words instead",
                )
            ],
        ),
        ("![A house](a.png)", [("![", "images are not allowed in text, so describe what it shows in words instead")]),
        ("[x](javascript:alert(1)) <b onclick=x>", []),
    ],
)
def test_problems_in_author_markdown(text: str, problems: list[tuple[str, str]]) -> None:
    found = markdown_problems(text, {"sandra", "leading-for-outcomes-references"})
    assert [(problem.written, problem.message) for problem in found] == problems


@pytest.mark.parametrize(
    ("name", "pool", "expected"),
    [
        ("sandar", ["sandra", "bill"], "sandra"),
        ("riks", ["risk", "values"], "risk"),
        (
            "leading-for-outcomes-referencs",
            ["leading-for-outcomes-references", "leading-for-outcomes-summary"],
            "leading-for-outcomes-references",
        ),
        (
            "iriss-leading-for-outcome",
            ["iriss-leading-for-outcomes", "scw-one-stop-shop"],
            "iriss-leading-for-outcomes",
        ),
        ("exercise-9-keeping-going", ["exercise-6-risk-taking", "exercise-8-effective-feedback"], None),
        (
            "exercise-6-risk-takng",
            ["exercise-6-risk-taking", "exercise-8-effective-feedback"],
            "exercise-6-risk-taking",
        ),
    ],
)
def test_did_you_mean_looks_past_a_shared_beginning(name: str, pool: list[str], expected: str | None) -> None:
    assert closest(name, pool) == expected


def test_plain_text_in_markdown_stays_on_one_line() -> None:
    assert plain_in_markdown("Front\n---\ninjected: *x*") == "Front \\-\\-\\- injected: \\*x\\*"


def test_quotes_in_headings_read_as_written_in_the_table_of_contents() -> None:
    page = markdown.Markdown(extensions=["toc"])
    heading = plain_in_markdown('the individual’s and the team\'s "story"')
    page.convert(f"## Exploring {heading}")
    assert page.toc_tokens[0]["name"] == 'Exploring the individual’s and the team\'s "story"'


SECOND_PASS = [
    "[x](javascript:alert(1))",
    "![x](file:///etc/passwd)",
    "*x*{: onclick=alert(1) }",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
]
SITE_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


@pytest.mark.parametrize("payload", SECOND_PASS)
def test_what_markdown_it_leaves_as_text_stays_text_when_python_markdown_reads_the_page(payload: str) -> None:
    """A Markdown list line, a markdown="1" element and raw HTML: wherever a template puts the output."""
    from hub.render.markup import plain_in_html

    for rendered in (markdown_inline(payload), markdown_block(payload), plain_in_html(payload)):
        for page in (
            f"- [Item](item.md): {rendered}\n",
            f'<div markdown="1">\n{rendered}\n</div>\n',
            f'<p markdown="span">{rendered}</p>\n',
            f"<li>{rendered}</li>\n",
        ):
            html = markdown.markdown(page, extensions=SITE_EXTENSIONS)
            tree = lxml.html.fragment_fromstring(html, create_parent="div")
            assert tree.xpath("//img | //*[@onclick] | //a[not(@href='item.md')]") == [], html


def test_plain_text_in_html_shows_as_written() -> None:
    from hub.render.markup import plain_in_html

    text = 'Say "hi" & [x](y) <b> it\'s #1 {: z } *a_b*\n\nnext'
    assert str(plain_in_html(text)) == (
        "Say &#34;hi&#34; &amp; &#91;x&#93;(y) &lt;b&gt; it&#39;s &#35;1 &#123;: z &#125; &#42;a&#95;b&#42; next"
    )
    html = markdown.markdown(f'<p markdown="span">{plain_in_html(text)}</p>', extensions=SITE_EXTENSIONS)
    assert lxml.html.fragment_fromstring(html).text_content() == " ".join(text.split())
