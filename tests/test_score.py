"""Score stage: the article container on small, unambiguous pages."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

import cleanpress
from cleanpress.options import Limits
from cleanpress.parse import parse_html
from cleanpress.score import Container, _measure, class_weight, find_container

PROSE = [
    ("The river rose more than two metres overnight, flooding the lower town and forcing hundreds of families "
    "to leave their homes before dawn on Saturday."),
    ("Emergency crews worked through the night to shore up the embankment, using sandbags brought in by lorry "
    "from three neighbouring districts and the army base."),
    ("By the afternoon the water had begun to fall, but officials warned that a second crest was expected later "
    "in the week, as rain continued to fall upstream."),
    ("Residents who stayed behind described a night of sirens and rising water, and several said they had never "
    "seen the river so high in all their lives."),
    ("The regional governor, who visited the town on Sunday, promised compensation for damaged homes, though he "
    "gave no figure and no date for the payments."),
]
SIDEBAR = ('<div id="colb"><h3>Latest</h3><ul>'
           + "".join(f'<li><a href="/n{i}">Headline number {i} about something else entirely</a></li>' for i in range(8))
           + "</ul><p>Weather: sunny, 21 degrees.</p></div>")
COMMENTS = ('<div id="comments"><h3>Reader responses</h3>'
            + "".join(f'<div class="comment"><p>Reader {i}: I agree, this happened to us too, awful.</p></div>' for i in range(6))
            + "</div>")


def _body(markup: str) -> HtmlElement:
    root, _ = parse_html(f"<html><body>{markup}</body></html>", Limits())
    return root.find("body")


def _by_id(body: HtmlElement, element_id: str) -> HtmlElement:
    return body.get_element_by_id(element_id)


def _covers(container: Container, element: HtmlElement) -> bool:
    """True when ``element`` lies inside (or is) one of the container's elements."""
    return any(el is element or any(a is el for a in element.iterancestors()) for el in container.elements)


def test_article_div_wins_over_sidebar_and_comments() -> None:
    body = _body(SIDEBAR + '<div id="story">' + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>" + COMMENTS)
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "colb"))
    assert not _covers(container, _by_id(body, "comments"))
    assert container.paragraphs >= len(PROSE)
    assert container.score > 0


def test_article_wins_whatever_the_order_of_the_blocks() -> None:
    body = _body(COMMENTS + '<div id="story">' + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>" + SIDEBAR)
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "comments")) and not _covers(container, _by_id(body, "colb"))


def test_link_list_with_more_text_does_not_win() -> None:
    teasers = "".join(f'<p><a href="/t{i}">{p}</a></p>' for i, p in enumerate(PROSE * 2))
    body = _body(f'<div id="teasers">{teasers}</div><div id="story">' + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>")
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "teasers"))


def test_indented_menu_does_not_win_by_its_whitespace() -> None:
    """Indentation is no text: a pretty-printed menu of links is as link-dense as it looks."""
    pad = "\n" + " " * 60
    menu = "".join(f"<li>{pad}<a href='/s{i}'>Section {i}, news</a>{pad}<ul>"
                   + "".join(f"<li>{pad}<a href='/s{i}/{j}'>Topic {j}, more</a>{pad}</li>" for j in range(6))
                   + f"</ul>{pad}</li>" for i in range(12))
    body = _body(f'<div id="menu"><ul>{menu}</ul></div><div id="story">'
                 + "".join(f"<p>{p}</p>" for p in PROSE[:3]) + "</div>")
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "menu"))


def test_article_split_by_an_ad_slot_is_taken_whole() -> None:
    first = "".join(f"<p>{p}</p>" for p in PROSE[:3])
    second = "".join(f"<p>{p}</p>" for p in PROSE[3:])
    body = _body(SIDEBAR + f'<div id="wrap"><div id="part1">{first}</div><div class="slot">Ad</div>'
                 f'<div id="part2">{second}</div></div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "part1"))
    assert _covers(container, _by_id(body, "part2"))
    assert not _covers(container, _by_id(body, "colb"))


def test_article_split_by_an_ad_slot_leaves_the_sidebar_out_of_the_text() -> None:
    first = "".join(f"<p>{p}</p>" for p in PROSE[:3])
    second = "".join(f"<p>{p}</p>" for p in PROSE[3:])
    page = ("<html><body>" + SIDEBAR + f'<div id="wrap"><div id="part1">{first}</div><div class="slot">Ad</div>'
            f'<div id="part2">{second}</div></div></body></html>')
    article = cleanpress.extract(page)
    assert all(p in article.text for p in PROSE)
    assert "Weather: sunny" not in article.text


def test_page_without_paragraphs_gives_the_body() -> None:
    body = _body("<div>Menu</div><div>Home</div>")
    container = find_container(body)
    assert container.elements == [body]
    assert container.paragraphs == 0


def test_class_weight_signs() -> None:
    def weight(attributes: str) -> float:
        return class_weight(_body(f"<div {attributes}>x</div>")[0])

    assert weight('class="article-content"') > 0
    assert weight('id="main-story"') > 0
    assert weight('class="sidebar"') < 0
    assert weight('id="comments"') < 0
    assert weight('class="plain"') == 0
    assert weight('itemprop="articleBody"') > weight('class="article-content"')


def test_text_outside_the_container_is_reported_as_outside_article() -> None:
    page = ("<html><body>" + SIDEBAR + '<div id="story">' + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>"
            "</body></html>")
    article, decisions = cleanpress.trace(page)
    assert all(p in article.text for p in PROSE)
    assert "Weather: sunny" not in article.text
    weather = next(d for d in decisions if d.text.startswith("Weather"))
    assert not weather.kept and not weather.in_container
    assert all(d.in_container for d in decisions if d.kept)
    assert any(r.rule == "score.outside-container" and r.kind == "outside-article" for r in article.removed)


def _story(element_id: str = "story", paragraphs: list[str] = PROSE) -> str:
    return f'<div id="{element_id}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


def test_source_indentation_does_not_make_short_items_read_as_prose() -> None:
    # Short list items padded by the page's indentation are no prose: the container stays on the story.
    pad = "\n" + " " * 120
    items = "".join(f"<li>{pad}Headline number {i}{pad}</li>" for i in range(10))
    body = _body(f'<div id="wrap">{_story()}<div id="more"><ul>{items}</ul></div></div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "more"))


def test_text_split_by_spacer_divs_scores_as_paragraphs() -> None:
    # Loose text beside block children (a CMS's spacer divs instead of <p>) is the article's paragraphs.
    story = '<div id="story">' + '<div class="spacer"></div>'.join(PROSE) + "</div>"
    latest = '<ul id="latest">' + "".join(f"<li>Other story number {i} in brief today</li>" for i in range(8)) + "</ul>"
    body = _body(f'<div id="side">{latest}</div><div id="main">{story}</div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "latest"))


def test_teaser_cards_beside_the_article_do_not_widen_the_container() -> None:
    # Cards (a linked headline over a blurb) hold sentences, but not the article's prose.
    cards = "".join(f'<div class="card"><h3><a href="/s{i}">Headline {i}</a></h3><p>{p}</p></div>'
                    for i, p in enumerate(PROSE))
    body = _body(f'<div id="wrap"><div id="main">{_story(paragraphs=PROSE[:3])}</div>'
                 f'<div id="column"><div id="cards">{cards}</div></div></div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "cards"))


def test_named_anchor_in_a_heading_is_no_link() -> None:
    # <a name> marks a place in the page; the section it heads is still article prose.
    section = f'<div id="steps"><h2><a name="steps">Steps</a></h2><p>{PROSE[3]}</p><p>{PROSE[4]}</p></div>'
    body = _body(f'<div id="wrap">{_story(paragraphs=PROSE[:3])}<div class="box">{section}</div></div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert _covers(container, _by_id(body, "steps"))


def test_stream_of_cards_scores_through_its_blurbs_only() -> None:
    # Each card is a list item holding a linked headline and a blurb: the item must not score again as a paragraph.
    cards = "".join(f'<li><h3><a href="/s{i}">Another story, number {i}, elsewhere</a></h3><p>{PROSE[i % 5]}</p></li>'
                    for i in range(6))
    body = _body(f'<div id="page"><div id="story">{"".join(f"<p>{p}</p>" for p in PROSE)}</div>'
                 f'<div id="rail"><ul id="stream">{cards}</ul></div></div>')
    container = find_container(body)
    assert _covers(container, _by_id(body, "story"))
    assert not _covers(container, _by_id(body, "stream"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\r\xa0\u2003\u3000a,b،、，.é"), min_size=1, max_size=40))
def test_text_is_measured_as_a_reader_sees_it(text: str) -> None:
    """Runs of whitespace count once (what collapsing them to one space leaves), commas of three scripts count."""
    commas = sum(text.count(comma) for comma in ",،、，")
    assert _measure(text) == (len(re.sub(r"\s{2,}", " ", text)), commas)
