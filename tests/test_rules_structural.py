"""Structural rules alone: class/id keywords and ARIA roles, as the prune walk applies them.

Each keyword kind fires on a small element carrying one of its words and is
switched off by its own id; negated words and big prose wrappers are spared.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

import cleanpress
from cleanpress import Options
from cleanpress.options import Limits
from cleanpress.parse import parse_html
from cleanpress.prune import PruneResult, prune
from cleanpress.rules import RULES, structural
from cleanpress.rules.structural import (
    CLASS_RULES,
    ROLE_KINDS,
    ROLE_RULE,
    class_id_words,
    class_kind,
)

PROSE = [
    ("The river rose more than two metres overnight, flooding the lower town and forcing hundreds of families "
    "to leave their homes before dawn on Saturday."),
    ("Emergency crews worked through the night to shore up the embankment, using sandbags brought in by lorry "
    "from three neighbouring districts and the army base."),
    ("By the afternoon the water had begun to fall, but officials warned that a second crest was expected later "
    "in the week as rain continued to fall upstream."),
    ("Residents who stayed behind described a night of sirens and rising water, and several said they had never "
    "seen the river so high in all their lives."),
]
ARTICLE = "<article>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"
NEUTRAL = "Seven small things"

# One class word per kind; the kinds must cover every struct.class-* rule.
CLASS_WORDS: dict[str, str] = {
    "navigation": "breadcrumb", "support-banner": "donate", "subscription-prompt": "upsell",
    "newsletter-signup": "newsletter", "paywall": "paywall", "read-more": "readmore", "related-links": "related",
    "share-bar": "sharebar", "cookie-notice": "consent", "advertisement": "advert", "comments": "disqus",
    "image-credit": "credit", "footer": "colophon", "widget": "rating", "metadata": "byline", "hidden": "sr-only",
}


def _prune(markup: str, options: Options | None = None) -> tuple[HtmlElement, PruneResult]:
    root, _ = parse_html(f"<html><body>{markup}</body></html>", Limits())
    body = root.find("body")
    return body, prune(body, options or Options())


def _removed(result: PruneResult) -> list[tuple[str, str, str]]:
    return [(r.kind, r.rule, r.text) for _, r in result.removals]


def test_every_class_rule_has_an_example() -> None:
    assert set(CLASS_WORDS) == set(CLASS_RULES)
    for kind, rule in CLASS_RULES.items():
        assert rule.id == f"struct.class-{kind}"
        assert RULES[rule.id].kind == kind
        assert kind in cleanpress.REMOVAL_KINDS


@pytest.mark.parametrize("kind", sorted(CLASS_WORDS))
def test_class_word_names_its_kind(kind: str) -> None:
    assert class_kind(class_id_words(f"box {CLASS_WORDS[kind]}", None)) == kind


@pytest.mark.parametrize("kind", sorted(CLASS_WORDS))
def test_class_rule_removes_a_small_element(kind: str) -> None:
    body, result = _prune(ARTICLE + f'<div class="box {CLASS_WORDS[kind]}">{NEUTRAL}</div>')
    assert _removed(result) == [(kind, f"struct.class-{kind}", NEUTRAL)]
    assert NEUTRAL not in body.text_content()
    assert all(p in body.text_content() for p in PROSE)


@pytest.mark.parametrize("kind", sorted(CLASS_WORDS))
def test_class_rule_is_switched_off_by_its_id(kind: str) -> None:
    options = Options(disabled_rules=frozenset({f"struct.class-{kind}"}))
    body, result = _prune(ARTICLE + f'<div class="box {CLASS_WORDS[kind]}">{NEUTRAL}</div>', options)
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


def test_prefix_switch_turns_off_every_class_rule() -> None:
    markup = ARTICLE + "".join(f'<div class="box {word}">{NEUTRAL} {i}</div>' for i, word in enumerate(CLASS_WORDS.values()))
    _, result = _prune(markup, Options(disabled_rules=frozenset({"struct.class-*"})))
    assert _removed(result) == []


@pytest.mark.parametrize(("attributes", "kind"), [
    ('id="site-breadcrumbs"', "navigation"),
    ('id="mainMenu"', "navigation"),
    ('class="articleShareBar"', "share-bar"),
    ('class="story_related_links"', "related-links"),
    ('class="x" id="cookieConsent"', "cookie-notice"),
    ('class="jp-relatedposts" id="jp-relatedposts"', "related-links"),  # a closed compound (Jetpack's box)
    ('class="relatedarticles"', "related-links"),
    ('class="postmetadata alt"', "metadata"),  # WordPress themes' post footers
    ('class="entry-utility"', "metadata"),
    ('class="post-info"', "metadata"),
    ('class="kommentare"', "comments"),
    ('class="saboxplugin-wrap"', "metadata"),
    ('class="commentaires"', "comments"),
])
def test_ids_and_camel_case_and_underscores_are_read(attributes: str, kind: str) -> None:
    _, result = _prune(ARTICLE + f"<div {attributes}>{NEUTRAL}</div>")
    assert [(k, r) for k, r, _ in _removed(result)] == [(kind, f"struct.class-{kind}")]


@pytest.mark.parametrize("cls", ["non-ad-column", "no-comments", "non_ad", "not-related"])
def test_negated_class_words_do_not_fire(cls: str) -> None:
    body, result = _prune(ARTICLE + f'<div class="{cls}">{NEUTRAL}</div>')
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


@pytest.mark.parametrize("cls", ["o-section o-section--has-ads", "layout with-sidebar", "box article modal-enabled",
                                 "story share-disabled", "elementor-widget-container", "elementor-widget-wrap"])
def test_class_words_for_contents_switches_and_page_builders_do_not_fire(cls: str) -> None:
    """'has-ads' says what a section holds, 'modal-enabled' is a switch, Elementor wraps all text in widgets."""
    assert class_kind(class_id_words(cls, None)) is None
    body, result = _prune(ARTICLE + f'<div class="{cls}">{NEUTRAL}</div>')
    assert _removed(result) == []


@pytest.mark.parametrize(("cls", "kind"), [("elementor-widget-nav-menu", "navigation"), ("has-ads ad-slot", "advertisement"),
                                           ("modal-enabled newsletter", "newsletter-signup")])
def test_qualified_words_leave_the_other_words_in_force(cls: str, kind: str) -> None:
    assert class_kind(class_id_words(cls, None)) == kind


LEAD = "The city council voted on Monday night to close the old bridge to cars for good."


def test_lone_unlinked_teaser_is_the_article_lead() -> None:
    """Many CMSs call the standfirst 'teaser'; with no link and no twin on the page it leads nowhere."""
    body, result = _prune(f'<div class="article"><div class="teaser-text">{LEAD}</div>{ARTICLE}</div>')
    assert LEAD in body.text_content()
    assert _removed(result) == []


@pytest.mark.parametrize("cards", [
    '<div class="teaser"><a href="/a">Bridge closes for good</a></div>',
    '<div class="card"><h3><a href="/a">One</a></h3><div class="teaser-text">{lead}</div></div>'
    '<div class="card"><h3><a href="/b">Two</a></h3><div class="teaser-text">Another blurb.</div></div>',
])
def test_teaser_cards_still_go(cards: str) -> None:
    body, result = _prune(ARTICLE + cards.format(lead=LEAD))
    assert LEAD not in body.text_content() and "Bridge closes" not in body.text_content()
    assert {rule for _, rule, _ in _removed(result)} == {"struct.class-related-links"}


@pytest.mark.parametrize("cls", ["hidden-xs", "unhidden", "shadow", "badge", "download-link"])
def test_words_inside_longer_words_do_not_fire(cls: str) -> None:
    _, result = _prune(ARTICLE + f'<div class="{cls}">{NEUTRAL}</div>')
    assert _removed(result) == []


def test_class_rules_spare_body_and_article_elements() -> None:
    _, result = _prune(f'<article class="sidebar-layout">{"".join(f"<p>{p}</p>" for p in PROSE)}</article>')
    assert _removed(result) == []


@pytest.mark.parametrize("cls", ["post-content share-enabled", "entry-content comments-open",
                                 "article-body has-newsletter", "story-text sidebar-right"])
def test_size_guard_keeps_a_big_prose_wrapper_whose_class_names_chrome(cls: str) -> None:
    wrapper = f'<div class="{cls}">' + "".join(f"<p>{p}</p>" for p in PROSE * 2) + "</div>"
    body, result = _prune(wrapper + f'<div class="share-buttons">{NEUTRAL}</div>')
    assert all(p in body.text_content() for p in PROSE)
    assert _removed(result) == [("share-bar", "struct.class-share-bar", NEUTRAL)]


def test_size_guard_keeps_the_wrapper_holding_most_of_the_prose() -> None:
    wrapper = '<div class="widget-area">' + "".join(f"<p>{p}</p>" for p in PROSE * 2) + "</div>"
    body, _ = _prune(wrapper + f'<div class="sidebar">{NEUTRAL}</div>')
    assert all(p in body.text_content() for p in PROSE)


def test_small_kind_on_a_big_element_does_not_fire() -> None:
    """'byline' names a line, not a block of prose: a big element with it stays."""
    wrapper = '<div class="byline-wrap">' + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>"
    body, result = _prune(ARTICLE + wrapper)
    assert body.text_content().count(PROSE[0]) == 2
    assert not any(rule == "struct.class-metadata" for _, rule, _ in _removed(result))


@pytest.mark.parametrize("cls", ["author-bio", "bmg-author-box", "author-info", "authorBox", "post-author clearfix"])
def test_an_author_box_of_a_few_sentences_goes_as_metadata(cls: str) -> None:
    """A bio is longer than a byline: the author's box has a limit of its own."""
    bio = ("Jane Doe is a reporter who has covered floods, droughts and the politics of water for twelve years. "
           "She studied geography in Leeds and journalism in Cardiff, and lives by the river with two dogs and a cat. ") * 2
    long_article = "<article>" + "".join(f"<p>{p}</p>" for p in PROSE * 3) + "</article>"
    body, result = _prune(long_article + f'<div class="{cls}"><p>{bio}</p></div>')
    assert 400 < len(bio) < 1200
    assert "Jane Doe" not in body.text_content()
    assert [(k, r) for k, r, _ in _removed(result)] == [("metadata", "struct.class-metadata")]


def test_prose_in_a_big_author_wrapper_stays() -> None:
    """An author's page of posts is no bio: past the box limit the element stays."""
    wrapper = '<div class="author-box">' + "".join(f"<p>{p}</p>" for p in PROSE * 3) + "</div>"
    body, result = _prune(ARTICLE + wrapper)
    assert body.text_content().count(PROSE[0]) == 4
    assert not _removed(result)


def test_small_kind_is_measured_as_read_not_by_its_source_indentation() -> None:
    """A post footer indented deep in the template is short to a reader, however many tabs it holds."""
    line = "Posted on Wednesday, 27 November 2019 at 15:21 and filed under Events, Region, Calendar."
    footer = '<p class="postmetadata">' + "\n\t\t\t\t\t\t".join([line] * 4) + "</p>"
    body, result = _prune(ARTICLE + footer)
    assert line not in body.text_content()
    assert [(k, r) for k, r, _ in _removed(result)] == [("metadata", "struct.class-metadata")]


def test_link_list_wrapper_is_not_protected_by_its_size() -> None:
    links = "".join(f'<li><a href="/s{i}">Another story about the weather number {i}</a></li>' for i in range(40))
    _, result = _prune(ARTICLE + f'<div class="sidebar"><ul>{links}</ul></div>')
    assert [(k, r) for k, r, _ in _removed(result)] == [("navigation", "struct.class-navigation")]


@pytest.mark.parametrize(("role", "kind"), sorted(ROLE_KINDS.items()))
def test_aria_role_removes_with_its_kind(role: str, kind: str) -> None:
    body, result = _prune(ARTICLE + f'<div role="{role}">{NEUTRAL}</div>')
    assert _removed(result) == [(kind, ROLE_RULE.id, NEUTRAL)]
    assert NEUTRAL not in body.text_content()


@pytest.mark.parametrize("role", ["main", "article", "img", "note", "presentation"])
def test_content_roles_are_kept(role: str) -> None:
    _, result = _prune(ARTICLE + f'<div role="{role}">{NEUTRAL}</div>')
    assert _removed(result) == []


def test_role_rule_is_switched_off_by_its_id() -> None:
    body, result = _prune(ARTICLE + f'<div role="navigation">{NEUTRAL}</div>',
                          Options(disabled_rules=frozenset({ROLE_RULE.id})))
    assert _removed(result) == []
    assert NEUTRAL in body.text_content()


def test_structural_removal_reaches_article_removed() -> None:
    page = (f"<html><head><title>Flood</title></head><body><article>{''.join(f'<p>{p}</p>' for p in PROSE[:2])}"
            f'<div class="newsletter-box">{NEUTRAL}</div>{"".join(f"<p>{p}</p>" for p in PROSE[2:])}</article>'
            "</body></html>")
    article = cleanpress.extract(page)
    assert NEUTRAL not in article.text
    assert ("newsletter-signup", "struct.class-newsletter-signup", NEUTRAL) in [
        (r.kind, r.rule, r.text) for r in article.removed]
    kept = cleanpress.extract(page, disabled_rules={"struct.class-newsletter-signup"})
    assert NEUTRAL in kept.text


def test_class_words_on_phrases_inside_a_sentence_do_not_cut_the_prose() -> None:
    # An annotated text marks phrases with classes such as "popup"; the sentence keeps its words.
    notes = ("<article><p>I am a <a class='popup' href='#n1'>rather elderly</a> man, and the nature of my "
             "<span class='tooltip'>avocations</span> has brought me into contact with many copyists.</p>"
             + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>")
    article = cleanpress.extract(f"<html><body>{notes}</body></html>")
    assert "I am a rather elderly man, and the nature of my avocations has brought me" in article.text
    # Inline chrome standing on its own still goes.
    bar = ARTICLE + "<div><a class='share' href='/fb'>Facebook</a> <a class='share' href='/tw'>Twitter</a></div>"
    _, result = _prune(bar)
    assert [k for k, _, _ in _removed(result)] == ["share-bar", "share-bar"]


def test_every_gallery_word_holds_a_stem_of_the_quick_test() -> None:
    assert all(any(stem in part for stem in structural._GALLERY_STEMS) for part in structural._GALLERY_PARTS)


@pytest.mark.parametrize(("class_attr", "id_attr", "expected"), [
    ("article-gallery", None, True),
    (None, "photoSlideshow", True),
    ("c-carousel__track", None, True),
    ("js-lightbox-gallery", None, False),  # a script hook, not what the element is
    ("slides-of-text", None, False),
    ("article-body", "main", False),
    (None, None, False),
])
def test_names_gallery(class_attr: str | None, id_attr: str | None, expected: bool) -> None:
    assert structural.names_gallery(class_attr, id_attr) is expected


def _class_kind_by_definition(words: str) -> str | None:
    """class_kind spelt out plainly: at each part (leftmost first), the longest keyword starting there."""
    tokens = words.split()
    for token in tokens:
        if token in structural._TOKEN_KIND:
            return structural._TOKEN_KIND[token]
    parts = words.replace("_", " ").replace("-", " ").split()
    for index, part in enumerate(parts):
        if index and (parts[index - 1] in structural._QUALIFIERS or (parts[index - 1], part) in structural._BUILDER_WORDS):
            continue
        if index + 1 < len(parts) and parts[index + 1] in structural._SWITCHES:
            continue
        for length in range(len(parts) - index, 0, -1):
            kind = structural._PART_KIND.get("-".join(parts[index:index + length]))
            if kind is not None:
                return kind
    return None


_CLASS_VOCABULARY = sorted({part for word in structural._PART_KIND for part in word.split("-")}
                           | set(structural._TOKEN_KIND) | structural._QUALIFIERS | structural._SWITCHES
                           | {"elementor", "post", "body", "item", "x1", "main"})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CLASS_VOCABULARY), min_size=1, max_size=6),
       st.lists(st.sampled_from([" ", "-", "_", "__", "--"]), min_size=6, max_size=6))
def test_class_kind_agrees_with_its_plain_definition(parts: list[str], joints: list[str]) -> None:
    words = "".join(part + joint for part, joint in zip(parts, joints)).strip(" -_")
    assert structural.class_kind(words) == _class_kind_by_definition(words)


_SHARE_STARTS = structural.keywords_starting({"share-bar", "newsletter-signup"})


@pytest.mark.parametrize(("words", "none"), [
    ("menu-item site-nav", True),
    ("article-share-bar", False),
    ("newsletter", False),
    ("mailing list", False),  # first part of "mailing-list"
    ("sharepoint-embed", True),  # a part is the whole word between dashes
    ("post social-icons", False),
])
def test_names_none_of(words: str, none: bool) -> None:
    assert structural.names_none_of(words, _SHARE_STARTS) is none


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CLASS_VOCABULARY), min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "-", "_"]), min_size=8, max_size=8))
def test_names_none_of_never_rules_out_a_kind_that_class_kind_finds(parts: list[str], joints: list[str]) -> None:
    words = "".join(part + joint for part, joint in zip(parts, joints)).strip(" -_")
    kind = structural.class_kind(words)
    if kind is not None:
        assert not structural.names_none_of(words, structural.keywords_starting({kind}))
