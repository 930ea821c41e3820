"""hub.render.markup: one renderer per library, no module state, links to items resolved per library."""

from __future__ import annotations

from hub.render.markup import AuthorText, plain_in_markdown


def test_two_libraries_do_not_share_their_item_pages() -> None:
    first = AuthorText({"sandra": "scenarios/sandra/"})
    second = AuthorText({"sandra": "case-studies/sandra/"})
    assert 'href="../../scenarios/sandra/"' in first.inline("[x](sandra)")
    assert 'href="../../case-studies/sandra/"' in second.inline("[x](sandra)")
    assert "href" not in AuthorText({}).inline("[x](sandra)")


def test_results_are_remembered_per_renderer() -> None:
    text = AuthorText({})
    assert text.block("a *b*") is text.block("a *b*")
    assert text.block.cache_info().hits == 1


def test_plain_text_in_markdown_is_escaped_for_python_markdown() -> None:
    assert str(plain_in_markdown("[x](javascript:alert(1))")) == r"\[x\]\(javascript:alert\(1\)\)"
    assert str(plain_in_markdown("<b>\n  bold</b>")) == "&lt;b&gt; bold&lt;/b&gt;"
