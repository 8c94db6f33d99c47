"""Flatten stage: the body as candidate blocks of the right kind, in reading order."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from cleanpress.candidates import Candidate
from cleanpress.flatten import flatten
from cleanpress.options import Limits
from cleanpress.parse import parse_html

LONG_CELL = "A layout cell holding a whole column of prose. " * 12


def _body(markup: str) -> HtmlElement:
    root, _ = parse_html(f"<html><body>{markup}</body></html>", Limits())
    return root.find("body")


def _flatten(markup: str, container_id: str | None = None) -> list[Candidate]:
    body = _body(markup)
    order = {el: i for i, el in enumerate(body.iter()) if isinstance(el.tag, str)}
    containers = [body.get_element_by_id(container_id)] if container_id else [body]
    return flatten(body, containers, order)


def _kinds(candidates: list[Candidate]) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in candidates]


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_keep_their_level(level: int) -> None:
    [candidate] = _flatten(f"<h{level}>The  <em>title</em></h{level}>")
    assert (candidate.kind, candidate.level, candidate.text) == ("heading", level, "The title")


@pytest.mark.parametrize("tag", ["ul", "ol"])
def test_lists_are_one_candidate_with_an_item_per_line(tag: str) -> None:
    [candidate] = _flatten(f"<{tag}><li>Flour</li><li>Two <b>eggs</b></li><li>  Milk\n and water </li></{tag}>")
    assert candidate.kind == "list"
    assert candidate.text == "Flour\nTwo eggs\nMilk and water"


def test_nested_list_items_follow_their_parent_item() -> None:
    [candidate] = _flatten("<ul><li>Fruit<ul><li>Apples</li><li>Pears</li></ul></li><li>Bread</li></ul>")
    assert (candidate.kind, candidate.text) == ("list", "Fruit\nApples\nPears\nBread")
    # the teaser test counts the list's own items only
    assert candidate.top_items == 2


def test_parent_item_keeps_its_text_on_both_sides_of_its_nested_list() -> None:
    [candidate] = _flatten("<ol><li>Pumps<div><ul><li>big<ol><li>diesel</li></ol></li><li>small</li></ul></div> "
                           "and hoses</li><li>Valves</li></ol>")
    assert candidate.text == "Pumps and hoses\nbig\ndiesel\nsmall\nValves"


def test_list_set_straight_inside_a_list_is_not_lost() -> None:
    [candidate] = _flatten("<ul><li>Flour</li><ul><li>plain</li><li>wholemeal</li></ul><li>Salt</li></ul>")
    assert candidate.text == "Flour\nplain\nwholemeal\nSalt"


def test_items_inside_a_wrapper_set_in_a_list_are_the_lists_own() -> None:
    [candidate] = _flatten("<ul><div class='row'><li>Flour</li><li>Eggs</li></div><span><li>Milk</li></span>"
                           "<li>Salt</li></ul>")
    assert candidate.text == "Flour\nEggs\nMilk\nSalt"
    assert candidate.top_items == 4
    [definitions] = _flatten("<dl><div><dt>Term</dt><dd>Meaning</dd></div><div><dt>Word</dt><dd>Sense</dd></div></dl>")
    assert definitions.text == "Term\nMeaning\nWord\nSense"


def test_loose_content_set_in_a_list_is_an_item_of_its_own() -> None:
    [candidate] = _flatten("<ul> Buy: <b>today</b><li>Flour</li> and <!-- note --> also<li>Salt</li>"
                           "<p>Ask at <i>the</i> till.</p><div>Or <p>order</p>online</div></ul>")
    assert candidate.text == "Buy: today\nFlour\nand also\nSalt\nAsk at the till.\nOr order online"
    [itemless] = _flatten("<ol><div>First <b>the</b> flour,</div><div>then the eggs.</div></ol>")
    assert itemless.text == "First the flour,\nthen the eggs."


def test_deep_chain_of_wrappers_in_a_list_does_not_recurse() -> None:
    depth = 1500
    [candidate] = _flatten("<ul>" + "<div>" * depth + "<li>deep</li>" + "</div>" * depth + "<li>top</li></ul>")
    assert candidate.text == "deep\ntop"


def test_br_and_blocks_inside_an_item_are_spaces_and_inline_markup_is_not() -> None:
    [candidate] = _flatten("<ul><li>Sand<br>bags</li><li><p>Pumps</p><p>and hoses</p>for the cellars</li>"
                           "<li>W<b>or</b>d and <a href='/x'>li<i>nk</i></a></li></ul>")
    assert candidate.text == "Sand bags\nPumps and hoses for the cellars\nWord and link"


def test_deeply_nested_list_does_not_recurse() -> None:
    depth = 1500
    [candidate] = _flatten("<ul><li>level" * depth + "</li></ul>" * depth)
    assert candidate.text == "\n".join(["level"] * depth)


def test_definition_list_is_a_list() -> None:
    [candidate] = _flatten("<dl><dt>Term</dt><dd>Meaning</dd></dl>")
    assert (candidate.kind, candidate.text) == ("list", "Term\nMeaning")


def test_data_table_has_rows_and_cells() -> None:
    [candidate] = _flatten("<table><thead><tr><th>City</th><th>Rain</th></tr></thead>"
                           "<tbody><tr><td>Oslo</td><td>12 mm</td></tr><tr><td>Rome</td><td>3 mm</td></tr>"
                           "<tr><td></td><td></td></tr></tbody></table>")
    assert candidate.kind == "table"
    assert candidate.text == "City\tRain\nOslo\t12 mm\nRome\t3 mm"


def test_br_and_blocks_inside_a_cell_are_spaces_and_inline_markup_is_not() -> None:
    [candidate] = _flatten("<table><tr><td><p>one</p><p>two</p></td><td>2.1<br>m</td><td>W<b>or</b>d</td></tr>"
                           "<tr><td><ul><li>east</li><li>west</li></ul></td><td><div>Lower</div>town</td><td>x</td></tr>"
                           "</table>")
    assert candidate.text == "one two\t2.1 m\tWord\neast west\tLower town\tx"


def test_layout_table_with_a_long_cell_is_walked_into() -> None:
    candidates = _flatten(f"<table><tr><td>{LONG_CELL}</td><td>Side</td></tr></table>")
    assert _kinds(candidates) == [("paragraph", LONG_CELL.strip()), ("paragraph", "Side")]


def test_table_holding_a_table_is_layout_and_the_inner_one_is_data() -> None:
    candidates = _flatten("<table><tr><td><table><tr><td>Year</td><td>Rain</td></tr></table></td></tr>"
                          "<tr><td><p>Column prose here.</p></td></tr></table>")
    assert _kinds(candidates) == [("table", "Year\tRain"), ("paragraph", "Column prose here.")]


def test_layout_table_cells_become_paragraphs() -> None:
    candidates = _flatten(f"<table><tr><td><p>{LONG_CELL}</p></td><td><p>Side column</p></td></tr></table>")
    assert [c.text for c in candidates] == [LONG_CELL.strip(), "Side column"]


def test_pre_is_code_with_its_whitespace_kept() -> None:
    code = "def area(r):\n    return 3.14 * r * r\n\n\tprint(area(2))"
    [candidate] = _flatten(f"<pre><code>{code}</code></pre>")
    assert (candidate.kind, candidate.text) == ("code", code)


def test_empty_pre_is_skipped() -> None:
    assert _kinds(_flatten("<pre>\n\n</pre><p>After.</p>")) == [("paragraph", "After.")]


def test_figure_caption_is_a_caption() -> None:
    candidates = _flatten("<figure><img src='a.jpg' alt='x'><figcaption>The harbour at dawn. "
                          "<small>Photo: J. Doe</small></figcaption></figure>")
    assert _kinds(candidates) == [("caption", "The harbour at dawn. Photo: J. Doe")]


def test_blockquote_is_a_quote_with_its_paragraphs_on_lines() -> None:
    [candidate] = _flatten("<blockquote><p>We will rebuild.</p><p>Every house.</p></blockquote>")
    assert (candidate.kind, candidate.text) == ("quote", "We will rebuild.\nEvery house.")


def test_br_and_blocks_inside_a_quote_are_spaces() -> None:
    [parts] = _flatten("<blockquote><p>We will<br>rebuild.</p><ul><li>Every</li><li>house.</li></ul></blockquote>")
    assert parts.text == "We will rebuild.\nEvery house."
    [lines] = _flatten("<blockquote>We will<br>rebuild <em>every</em> house.</blockquote>")
    assert lines.text == "We will rebuild every house."


def test_quote_text_beside_its_paragraphs_is_a_line_of_its_own_in_document_order() -> None:
    [tweet] = _flatten("<blockquote><p>Tweet text here.</p>— Jane Roe (@jroe) <a href='/s'>May 1, 2024</a>"
                       "</blockquote>")
    assert tweet.text == "Tweet text here.\n— Jane Roe (@jroe) May 1, 2024"
    [mixed] = _flatten("<blockquote> Lead <i>in</i><p>Middle.</p>\n<p>More.</p> tail<br>end <b>x</b><!-- c --> after"
                       "</blockquote>")
    assert mixed.text == "Lead in\nMiddle.\nMore.\ntail end x after"


def test_loose_div_text_becomes_paragraphs_in_order() -> None:
    candidates = _flatten("<div>Loose text before. <p>A real paragraph.</p> Loose text <b>after</b> it.</div>")
    assert _kinds(candidates) == [("paragraph", "Loose text before."), ("paragraph", "A real paragraph."),
                                  ("paragraph", "Loose text after it.")]


def test_double_br_splits_paragraphs_and_single_br_does_not() -> None:
    candidates = _flatten("<div>First line<br>still first.<br><br>Second paragraph.<br/> <br/>Third.</div>")
    assert [c.text for c in candidates] == ["First line still first.", "Second paragraph.", "Third."]


def test_br_inside_a_paragraph_is_a_space() -> None:
    [candidate] = _flatten("<p>One<br>two</p>")
    assert candidate.text == "One two"


def test_custom_elements_are_blocks() -> None:
    candidates = _flatten("<story-body><p>Inside.</p>Loose in a custom element.</story-body>")
    assert _kinds(candidates) == [("paragraph", "Inside."), ("paragraph", "Loose in a custom element.")]


def test_inline_wrapper_around_blocks_is_walked_into() -> None:
    candidates = _flatten("<span><p>First.</p><p>Second.</p></span>")
    assert [c.text for c in candidates] == ["First.", "Second."]


def test_empty_blocks_give_no_candidates() -> None:
    assert _flatten("<p> </p><ul></ul><h2>\n</h2><div>  </div>") == []


def test_reading_order_and_containment() -> None:
    candidates = _flatten("<div id='side'><p>Side note.</p></div><div id='story'><h2>Head</h2><p>Body one.</p>"
                          "Loose.<ul><li>Item</li></ul></div><p>After.</p>", container_id="story")
    assert [c.text for c in candidates] == ["Side note.", "Head", "Body one.", "Loose.", "Item", "After."]
    assert [c.in_container for c in candidates] == [False, True, True, True, True, False]
    orders = [c.order for c in candidates]
    assert orders == sorted(orders)


def test_list_item_holding_the_container_is_walked_into() -> None:
    """Unclosed menu items can swallow the page; the article inside must still be its own blocks."""
    candidates = _flatten("<ul><li>Home</li><li>News<div id='story'><p>Body one.</p><p>Body two.</p></div></li></ul>",
                          container_id="story")
    assert [(c.kind, c.text, c.in_container) for c in candidates] == [
        ("paragraph", "Home", False), ("paragraph", "News", False),
        ("paragraph", "Body one.", True), ("paragraph", "Body two.", True)]


def test_list_that_is_the_container_is_walked_into() -> None:
    """A forum thread is a list of posts: each post's text is its own block, not one item of a list."""
    candidates = _flatten("<ol id='posts'><li><div class='post'><a href='/u/1'>Anna</a><div>First post text.</div>"
                          "</div></li><li><div class='post'><a href='/u/2'>Ben</a><div>Second post text.</div></div></li>"
                          "</ol>", container_id="posts")
    assert [(c.kind, c.text) for c in candidates] == [
        ("paragraph", "Anna"), ("paragraph", "First post text."), ("paragraph", "Ben"), ("paragraph", "Second post text.")]
    assert all(c.in_container for c in candidates)


def test_list_without_the_container_stays_one_block() -> None:
    candidates = _flatten("<ul><li>Home</li><li>News</li></ul><div id='story'><p>Body one.</p></div>",
                          container_id="story")
    assert [(c.kind, c.in_container) for c in candidates] == [("list", False), ("paragraph", True)]


def test_unclosed_heading_around_the_body_is_walked_into() -> None:
    candidates = _flatten(f"<h2 class='standfirst'>The lead of the story<div><p>{LONG_CELL}</p><p>{LONG_CELL}</p>"
                          "</div></h2>")
    assert [c.kind for c in candidates] == ["paragraph", "paragraph", "paragraph"]
    assert candidates[1].text == LONG_CELL.strip()


def test_short_heading_with_a_block_inside_stays_a_heading() -> None:
    [candidate] = _flatten("<h2><div>Results</div></h2>")
    assert (candidate.kind, candidate.text) == ("heading", "Results")


def test_link_density() -> None:
    candidates = _flatten("<p><a href='/x'>All of this is a link</a></p><p>No links in this one at all.</p>"
                          "<ul><li><a href='/a'>Story one</a></li><li><a href='/b'>Story two</a></li></ul>"
                          "<div><a href='/c'>Loose link</a></div>")
    assert [round(c.link_density, 2) for c in candidates] == [1.0, 0.0, 1.0, 1.0]


def test_deep_nesting_does_not_recurse() -> None:
    depth = 3000
    body = _body("<div>" * depth + "<p>Deep paragraph.</p>" + "</div>" * depth)
    order = {el: i for i, el in enumerate(body.iter())}
    assert [c.text for c in flatten(body, [body], order)] == ["Deep paragraph."]


ARTICLE_TEXT = "".join(f"<p>Paragraph {i} of the story, long enough to read as a sentence of prose here.</p>"
                       for i in range(8))
SLIDES = ('<div class="photo-gallery"><h2>The week in pictures</h2><ul>'
          + "".join(f'<li><img src="/p{i}.jpg"><p>Slide {i}: a crowd gathers in the square at dusk.</p></li>'
                    for i in range(5))
          + "</ul></div>")


def test_gallery_inside_the_article_is_captions() -> None:
    candidates = _flatten(f'<div id="story">{ARTICLE_TEXT}{SLIDES}</div>', container_id="story")
    assert next(c for c in candidates if c.text == "The week in pictures").kind == "caption"
    assert all(c.kind == "caption" for c in candidates if "Slide" in c.text)
    assert all(c.kind == "paragraph" for c in candidates if c.text.startswith("Paragraph"))


def test_gallery_that_is_the_whole_container_is_the_article() -> None:
    # A photo story or listicle: no article around the gallery, so its text is the article.
    candidates = _flatten(f'<div id="story">{SLIDES}</div>', container_id="story")
    assert all(c.kind != "caption" for c in candidates)


def test_gallery_outside_the_container_or_wrapping_it_is_not_captions() -> None:
    outside = _flatten(f'{SLIDES}<div id="story">{ARTICLE_TEXT}</div>', container_id="story")
    assert all(c.kind != "caption" for c in outside)
    wrapping = _flatten(f'<div class="gallery-page"><div id="story">{ARTICLE_TEXT}</div></div>', container_id="story")
    assert all(c.kind == "paragraph" for c in wrapping)


def test_script_hook_naming_a_gallery_is_not_a_gallery() -> None:
    media = '<div class="media js-lightbox-gallery"><img src="/a.jpg"><p>Body text beside the picture, read on.</p></div>'
    candidates = _flatten(f'<div id="story">{ARTICLE_TEXT}{media}</div>', container_id="story")
    assert all(c.kind == "paragraph" for c in candidates)


def _linked_share(markup: str) -> float:
    [candidate] = _flatten(markup)
    return candidate.linked_items


def test_list_of_sentences_citing_links_is_not_teasers() -> None:
    # A link inside a sentence that runs on after it is prose citing a source, not a headline.
    prose = ("<ul><li>Maria <a href='/b1'>fixed the crash on start</a> when the cache was empty for a while</li>"
             "<li>The team <a href='/b2'>moved the parser</a> to a worker thread, which halved the start time</li>"
             "<li>Tom <a href='/b3'>rewrote the docs</a> for the settings page after many requests</li></ul>")
    assert _linked_share(prose) == 0.0
    # Headlines with a linked end, or links followed by more links, are still teasers.
    teasers = ("<ul><li>The strange life and <a href='/s1'>mysterious death of a coder</a></li>"
               "<li>How one town <a href='/s2'>rebuilt its harbour</a></li>"
               "<li>Torn between phones? See our <a href='/g1'>buying guide</a> and <a href='/g2'>favourite models</a></li>"
               "</ul>")
    assert _linked_share(teasers) == 1.0


def test_cards_are_teasers_only_when_their_headline_is_the_link() -> None:
    # A feature list: each card has its own unlinked headline, a sentence and a "learn more" link.
    features = "<ul>" + "".join(
        f"<li><img src='/f{i}.png'><h3>Tool {i}</h3><p>Inspect and change the page as it runs, step by step.</p>"
        f"<a href='/docs/{i}'>Learn more about tool {i}</a></li>" for i in range(3)) + "</ul>"
    assert _linked_share(features) == 0.0
    teasers = "<ul>" + "".join(
        f"<li><img src='/t{i}.png'><h3><a href='/story/{i}'>Story {i} in the news</a></h3><p>A short blurb.</p></li>"
        for i in range(3)) + "</ul>"
    assert _linked_share(teasers) == 1.0
    pictures = "<ul>" + "".join(f"<li><a href='/p{i}'><img src='/p{i}.png'>Picture story {i}</a></li>" for i in range(3)) + "</ul>"
    assert _linked_share(pictures) == 1.0


def test_linked_headline_is_measured_on_its_text_as_read() -> None:
    # Indentation inside the heading is no unlinked text; links within the page (#anchors) are no links away.
    pad = "\n" + " " * 60
    [teaser] = _flatten(f"<h2>{pad}<a href='/story/1'>A story elsewhere</a>{pad}</h2>")
    assert teaser.link_density == 1.0
    [section] = _flatten("<h3><a href='#toc-3'>Sharing history</a><a class='headerlink' href='#sharing'>¶</a></h3>")
    assert section.link_density == 0.0
