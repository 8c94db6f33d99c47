"""Prune stage: tag rules, hidden elements, silent tags, the caller's selectors."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

import cleanpress
from cleanpress import Options, SelectorRule
from cleanpress.options import Limits
from cleanpress.parse import parse_html
from cleanpress.prune import PruneResult, prune
from cleanpress.rules import RULES

PROSE = [
    ("The river rose more than two metres overnight, flooding the lower town and forcing hundreds of families "
    "to leave their homes before dawn on Saturday."),
    ("Emergency crews worked through the night to shore up the embankment, using sandbags brought in by lorry "
    "from three neighbouring districts and the army base."),
    ("By the afternoon the water had begun to fall, but officials warned that a second crest was expected later "
    "in the week as rain continued to fall upstream."),
]
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in PROSE)
NEUTRAL = "Seven small things"


def _prune(markup: str, options: Options | None = None) -> tuple[HtmlElement, PruneResult]:
    root, _ = parse_html(f"<html><body>{markup}</body></html>", Limits())
    body = root.find("body")
    return body, prune(body, options or Options())


def _removed(result: PruneResult) -> list[tuple[str, str, str]]:
    return [(r.kind, r.rule, r.text) for _, r in result.removals]


@pytest.mark.parametrize(("markup", "kind", "rule"), [
    (f"<nav>{NEUTRAL}</nav>", "navigation", "prune.nav"),
    (f"<header>{NEUTRAL}</header>", "navigation", "prune.header"),
    (f"<footer>{NEUTRAL}</footer>", "footer", "prune.footer"),
    (f"<aside>{NEUTRAL}</aside>", "related-links", "prune.aside"),
    (f"<form>{NEUTRAL}</form>", "widget", "prune.form"),
    (f"<button>{NEUTRAL}</button>", "widget", "prune.widget"),
    (f"<div><select><option>{NEUTRAL}</option></select></div>", "widget", "prune.widget"),
    (f"<div><textarea>{NEUTRAL}</textarea></div>", "widget", "prune.widget"),
    (f"<div><label>{NEUTRAL}</label></div>", "widget", "prune.widget"),
])
def test_tag_rule_removes_and_records(markup: str, kind: str, rule: str) -> None:
    body, result = _prune(f"<article>{PARAGRAPHS}</article>{markup}")
    assert _removed(result) == [(kind, rule, NEUTRAL)]
    assert NEUTRAL not in body.text_content()
    assert RULES[rule].kind == kind


@pytest.mark.parametrize(("tag", "rule"), [("nav", "prune.nav"), ("header", "prune.header"), ("footer", "prune.footer"),
                                           ("aside", "prune.aside"), ("form", "prune.form"), ("button", "prune.widget")])
def test_tag_rule_is_switched_off_by_its_id(tag: str, rule: str) -> None:
    body, result = _prune(f"<article>{PARAGRAPHS}</article><{tag}>{NEUTRAL}</{tag}>",
                          Options(disabled_rules=frozenset({rule})))
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


def test_header_inside_the_article_is_left_for_later_rules() -> None:
    body, result = _prune(f"<article><header>{NEUTRAL}</header>{PARAGRAPHS}</article>")
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


def test_site_header_outside_the_article_goes_as_navigation() -> None:
    body, result = _prune(f"<header>{NEUTRAL}</header><article>{PARAGRAPHS}</article>")
    assert _removed(result) == [("navigation", "prune.header", NEUTRAL)]
    assert NEUTRAL not in body.text_content()


def test_input_without_text_leaves_no_record() -> None:
    body, result = _prune(f"<article>{PARAGRAPHS}<input type='email' value='you@example.com'><nav></nav></article>")
    assert _removed(result) == []
    assert body.find(".//input") is None


def test_page_laid_out_inside_one_form_keeps_its_article() -> None:
    body, _ = _prune(f"<form action='/postback'><div class='content'>{PARAGRAPHS * 3}</div></form>")
    assert all(p in body.text_content() for p in PROSE)


MENU = "".join(f"<li><a href='/section/{n}'>Section number {n} of the site</a></li>" for n in range(60))


@pytest.mark.parametrize("wrapper", ["<form action='/postback'>", "<div id='__next'>", "<div class='page page-banner'>"])
def test_page_wrapper_holding_nearly_all_text_is_never_chrome(wrapper: str) -> None:
    """A link-heavy wrapper around the whole page (menus and all) is layout, whatever it is called."""
    tag = wrapper[1:wrapper.index(" ")]
    body, result = _prune(f"{wrapper}<ul>{MENU}</ul><div class='text'>{PARAGRAPHS}</div></{tag}>"
                          "<p>Imprint</p>")
    assert all(p in body.text_content() for p in PROSE)
    assert not any(PROSE[0] in r.text for _, r in result.removals)


def test_layout_wrapper_named_for_its_sidebar_keeps_a_short_article() -> None:
    """'sidebar-right' on the wrapper says where the sidebar sits; the <article> inside is the page."""
    related = "".join(f"<li><a href='/story/{n}'>Another interview in the series, part {n}</a></li>" for n in range(12))
    body, _ = _prune(f"<div class='post-wrap sidebar-right'><article><p>{PROSE[0]}</p><p>{PROSE[1]}</p></article>"
                     f"<footer><ul>{related}</ul></footer></div><aside class='sidebar'>Late night reading</aside>")
    assert PROSE[0] in body.text_content() and PROSE[1] in body.text_content()


def test_sidebar_holding_a_teaser_card_still_goes() -> None:
    card = "<article><p>A short teaser for another story on the site, with a picture and a link to it.</p></article>"
    body, result = _prune(f"<article>{PARAGRAPHS}</article><div class='sidebar'>{card * 3}</div>")
    assert [(r.rule, r.kind) for _, r in result.removals] == [("struct.class-navigation", "navigation")]


def test_link_heavy_chrome_beside_the_article_still_goes() -> None:
    body, result = _prune(f"<div class='related'><ul>{MENU}</ul></div><div class='text'>{PARAGRAPHS}</div>")
    assert "Section number 3" not in body.text_content()
    assert _removed(result)[0][1] == "struct.class-related-links"


@pytest.mark.parametrize("attributes", ["hidden", 'aria-hidden="true"', 'aria-hidden="TRUE"', 'style="display: none"',
                                        'style="color:red;DISPLAY:NONE"', 'style="visibility:hidden"'])
def test_hidden_elements_are_removed_as_hidden(attributes: str) -> None:
    body, result = _prune(f"<article>{PARAGRAPHS}<div {attributes}>{NEUTRAL}</div></article>")
    assert _removed(result) == [("hidden", "prune.hidden", NEUTRAL)]
    assert NEUTRAL not in body.text_content()


@pytest.mark.parametrize("attributes", ['aria-hidden="false"', 'style="display:block"', 'data-hidden="1"'])
def test_visible_elements_are_kept(attributes: str) -> None:
    body, result = _prune(f"<article>{PARAGRAPHS}<div {attributes}>{NEUTRAL}</div></article>")
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


def test_hidden_rule_is_switched_off_by_its_id() -> None:
    body, _ = _prune(f"<article>{PARAGRAPHS}<div hidden>{NEUTRAL}</div></article>",
                     Options(disabled_rules=frozenset({"prune.hidden"})))
    assert NEUTRAL in body.text_content()


@pytest.mark.parametrize("markup", [
    "<script>var seven = 'small things';</script>",
    "<style>.seven { color: red }</style>",
    "<noscript>Please enable JavaScript to see seven small things</noscript>",
    "<template><p>Seven small things</p></template>",
    "<iframe src='https://ads.example/frame'>Seven small things</iframe>",
    "<svg><text>Seven small things</text></svg>",
])
def test_never_content_tags_are_dropped_silently(markup: str) -> None:
    body, result = _prune(f"<article>{PROSE[0]}{markup}<p>{PROSE[1]}</p></article>")
    assert _removed(result) == []
    text = body.text_content().lower()
    assert "seven" not in text and "enable javascript" not in text
    assert PROSE[0] in body.text_content() and PROSE[1] in body.text_content()


def test_noscript_holding_the_page_is_kept() -> None:
    """Some sites serve the whole page inside <noscript> to readers without scripts."""
    body, result = _prune(f"<div id='app'></div><noscript><div class='page'>{PARAGRAPHS * 2}</div></noscript>"
                          "<noscript><img src='/pixel.gif'>Please enable JavaScript.</noscript>")
    assert all(p in body.text_content() for p in PROSE)
    assert "enable JavaScript" not in body.text_content()
    assert body.find(".//noscript") is None and _removed(result) == []


def test_small_noscript_beside_the_article_is_dropped() -> None:
    body, _ = _prune(f"<article>{PARAGRAPHS}</article><noscript><p>{PROSE[0]} Enable JavaScript.</p></noscript>")
    assert "Enable JavaScript" not in body.text_content()


def test_ruby_annotations_are_dropped_and_the_base_text_kept() -> None:
    """<rt> holds the reading of a character; plain text cannot set it above the base, so it goes."""
    markup = "<article><p>法律の<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもを守る仕事です。</p></article>"
    body, result = _prune(markup)
    assert body.text_content() == "法律の子どもを守る仕事です。"
    assert _removed(result) == []


def test_script_tail_text_survives() -> None:
    body, _ = _prune(f"<article><p>Before <script>x=1</script>after the script.</p>{PARAGRAPHS}</article>")
    assert "Before after the script." in " ".join(body.text_content().split())


def test_scripts_never_reach_the_article() -> None:
    page = (f"<html><body><article>{PARAGRAPHS}<script>document.write('seven small things')</script>"
            "<style>p { color: red }</style></article></body></html>")
    article = cleanpress.extract(page)
    assert "seven small things" not in article.text and "color" not in article.text
    assert not any("seven small things" in r.text or "color: red" in r.text for r in article.removed)


def test_user_selector_rule_removes_matching_elements() -> None:
    rule = SelectorRule("user.promo", "div.promo-x, p[data-kind='promo']", kind="advertisement")
    _body, result = _prune(f"<article>{PARAGRAPHS}<div class='promo-x'>{NEUTRAL}</div>"
                          "<p data-kind='promo'>Buy now</p></article>", Options(extra_rules=(rule,)))
    assert _removed(result) == [("advertisement", "user.promo", NEUTRAL), ("advertisement", "user.promo", "Buy now")]


def test_user_selector_rule_wins_over_built_in_rules() -> None:
    rule = SelectorRule("user.nav", "nav")
    _, result = _prune(f"<article>{PARAGRAPHS}</article><nav>{NEUTRAL}</nav>", Options(extra_rules=(rule,)))
    assert _removed(result) == [("user-rule", "user.nav", NEUTRAL)]


def test_small_chrome_is_named_by_its_text() -> None:
    """An aside saying 'Support The ...!' is reported as the support banner it is."""
    _, result = _prune(f"<article>{PARAGRAPHS}</article><aside>Support The Daily Ledger!</aside>")
    assert _removed(result) == [("support-banner", "text.support-banner", "Support The Daily Ledger!")]


def test_big_chrome_opening_with_an_appeal_is_a_donation_appeal() -> None:
    appeal = ("<aside><p>A Message from The Daily Ledger</p>" + PARAGRAPHS + "</aside>")
    _, result = _prune(f"<article>{PARAGRAPHS * 3}</article>{appeal}")
    assert [(k, r) for k, r, _ in _removed(result)] == [("donation-appeal", "text.appeal-opener")]


def test_removals_are_in_document_order_with_positions() -> None:
    body, result = _prune(f"<nav>one two</nav><article>{PARAGRAPHS}<aside>three four</aside></article>"
                          "<footer>five six</footer>")
    positions = [position for position, _ in result.removals]
    assert positions == sorted(positions)
    assert [r.text for _, r in result.removals] == ["one two", "three four", "five six"]
    assert result.order[body] < min(positions)


def test_removal_text_keeps_word_boundaries_between_blocks() -> None:
    """Removal.text is what --explain shows: list items must not run together."""
    _, result = _prune(f"<article>{PARAGRAPHS}</article>"
                       "<nav><ul><li><a href='/a'>World</a></li><li><a href='/b'>Business</a></li></ul></nav>")
    assert [r.text for _, r in result.removals] == ["World Business"]
