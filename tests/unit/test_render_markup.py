"""hub.render.markup: one renderer per library, no module state, links to items resolved per library."""

from __future__ import annotations

from hub.render.markup import AuthorText, plain_in_markdown


def test_two_libraries_do_not_share_their_item_pages() -> None:
    first = AuthorText({"sandra": "scenarios/sandra/"})
    second = AuthorText({"sandra": "case-studies/sandra/"})
    assert 'href="/__hub_item__/scenarios/sandra/"' in first.inline("[x](sandra)")
    assert 'href="/__hub_item__/case-studies/sandra/"' in second.inline("[x](sandra)")
    assert "href" not in AuthorText({}).inline("[x](sandra)")


def test_results_are_remembered_per_renderer() -> None:
    text = AuthorText({})
    assert text.block("a *b*") is text.block("a *b*")
    assert text.block.cache_info().hits == 1


def test_plain_text_in_markdown_is_escaped_for_python_markdown() -> None:
    assert str(plain_in_markdown("[x](javascript:alert(1))")) == r"\[x\]\(javascript:alert\(1\)\)"
    assert str(plain_in_markdown("<b>\n  bold</b>")) == "&lt;b&gt; bold&lt;/b&gt;"


def test_item_links_are_made_relative_to_the_page_they_are_on() -> None:
    from hub.render import to_root
    from hub.render.markup import relative_item_links

    html = AuthorText({"sandra": "scenarios/sandra/"}).inline("[x](sandra)")
    assert [to_root(path) for path in ("scenarios/sandra.md", "scenarios/index.md", "index.md")] == [
        "../../",
        "../",
        "",
    ]
    assert to_root("themes/values/page/2.md") == "../../../../" and to_root("pdf/sandra.pdf") == "../../"
    assert 'href="../scenarios/sandra/"' in relative_item_links(html, to_root("scenarios/index.md"))


def test_item_links_lose_their_address_but_keep_their_words_for_print_without_a_site() -> None:
    from hub.render.markup import ITEM_LINK, unlinked_item_links

    text = (
        f'See <a href="{ITEM_LINK}scenarios/sandra/">Sandra’s <em>story</em></a> and '
        f'<a href="{ITEM_LINK}exercises/exercise-6-risk-taking/" title="Exercise 6">Exercise 6</a>; '
        '<a href="https://www.iriss.org.uk/">Iriss</a> keeps its link.'
    )
    assert unlinked_item_links(text) == (
        'See Sandra’s <em>story</em> and Exercise 6; <a href="https://www.iriss.org.uk/">Iriss</a> keeps its link.'
    )
