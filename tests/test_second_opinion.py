"""Second opinion stage: readability-lxml is asked only when our container is thin, and wins only clearly."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement
from readability import Document

from cleanpress import second_opinion
from cleanpress.options import DEFAULT_OPTIONS, Limits, Options
from cleanpress.parse import parse_html
from cleanpress.score import Container
from cleanpress.second_opinion import SECOND_OPINION_RULE, consult_readability

STORY = "".join(
    f"<p>Paragraph {i} of the story: the council met on Tuesday evening, argued for three hours about the "
    f"new bridge, its cost, its route and its builders, and in the end voted to delay the decision again.</p>"
    for i in range(6)
)
PAGE = f"""<html><body>
<div id="thin"><p>Short teaser line.</p><p>Another short line.</p></div>
<div id="story">{STORY}</div>
</body></html>"""


def body_of(page: str) -> HtmlElement:
    root, _ = parse_html(page, Limits(), cleaned=False)
    body = root.find("body")
    assert body is not None
    return body


def container(body: HtmlElement, element_id: str) -> Container:
    element = body.get_element_by_id(element_id)
    return Container(elements=[element], score=1.0, paragraphs=len(element))


def test_a_thin_container_gives_way_to_readabilitys_clearly_better_pick() -> None:
    body = body_of(PAGE)
    chosen = consult_readability(body, container(body, "thin"), DEFAULT_OPTIONS)
    assert [element.get("id") for element in chosen] == ["story"]
    assert not any(element.get("data-cleanpress-index") for element in body.iter()), "our tree is left untouched"


def test_a_container_with_enough_prose_is_kept_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    body = body_of(PAGE)
    monkeypatch.setattr(second_opinion, "_readability_pick", _must_not_be_asked)
    ours = container(body, "story")
    assert consult_readability(body, ours, DEFAULT_OPTIONS) == ours.elements


def test_switching_the_rule_off_keeps_our_container(monkeypatch: pytest.MonkeyPatch) -> None:
    body = body_of(PAGE)
    monkeypatch.setattr(second_opinion, "_readability_pick", _must_not_be_asked)
    ours = container(body, "thin")
    options = Options(disabled_rules=frozenset({SECOND_OPINION_RULE.id}))
    assert consult_readability(body, ours, options) == ours.elements


def test_a_deeply_nested_page_is_not_handed_to_readability(monkeypatch: pytest.MonkeyPatch) -> None:
    """readability-lxml's cost grows with depth times size; past the cap its opinion is not worth the wait."""
    tower = "<div>" * 800 + "<p>Deep down.</p>" + "</div>" * 800
    body = body_of(f"<html><body><div id='thin'><p>Top.</p></div>{tower}</body></html>")
    monkeypatch.setattr(second_opinion, "_readability_pick", _must_not_be_asked)
    ours = container(body, "thin")
    assert consult_readability(body, ours, DEFAULT_OPTIONS) == ours.elements


@pytest.mark.parametrize(("levels", "deeper"), [(3, False), (4, False), (5, True)])
def test_deeper_than_counts_levels_below_the_root(levels: int, deeper: bool) -> None:
    body = body_of("<html><body>" + "<div>" * levels + "x" + "</div>" * levels + "</body></html>")
    assert second_opinion._deeper_than(body, 4) is deeper


def _must_not_be_asked(body: HtmlElement) -> HtmlElement | None:
    raise AssertionError("readability-lxml was asked")


# Markup of the kinds that readability-lxml's div step tells apart: divs with and without blocks
# inside, inline runs, <br>s, loose text and tails, blocks that only start like one of its names.
_PIECES = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<a href='x'>", "</a>", "<b>", "</b>", "<br>",
    "<img src='i.png'>", "<ul><li>item</li></ul>", "<pre>code</pre>", "<picture></picture>", "<section>",
    "</section>", "<table><tr><td>cell</td></tr></table>", "<em>", "</em>", "<abbr>", "</abbr>", "words ",
    " ", "more words", "\n  ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_paragraphs_from_divs_does_what_readabilitys_own_step_does(pieces: list[str]) -> None:
    body = body_of("<html><body><div>" + "".join(pieces) + "</div></body></html>")
    theirs, ours = copy.deepcopy(body), copy.deepcopy(body)
    document = Document(theirs)
    document.html = theirs
    document.transform_misused_divs_into_paragraphs()
    second_opinion._paragraphs_from_divs(ours)
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_paragraphs_from_divs_wraps_loose_text_and_inline_runs() -> None:
    body = body_of("<html><body><div>lead <b>bold</b><br>after<div><p>block</p></div>tail</div>"
                   "<div>only <i>inline</i></div></body></html>")
    second_opinion._paragraphs_from_divs(body)
    assert etree.tostring(body, encoding=str) == (
        "<body><div><p>lead <b>bold</b></p><p>after</p><div><p>block</p></div><p>tail</p></div>"
        "<p>only <i>inline</i></p></body>")
