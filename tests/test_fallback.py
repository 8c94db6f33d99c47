"""Fallback stage: a page with main content never comes back empty; a page without stays empty."""

from __future__ import annotations

import cleanpress
from cleanpress.rules.container import FALLBACK_RULE
from cleanpress.thresholds import RESCUED_CONFIDENCE
from cleanpress.rules import RULES

CHROME = (
    "<header><a href='/'>Acme Tools</a> <a href='/shop'>Shop</a> <a href='/about'>About</a></header>"
    "<nav><ul><li><a href='/a'>Hammers</a></li><li><a href='/b'>Saws</a></li><li><a href='/c'>Drills</a></li></ul></nav>"
)
FOOTER = "<footer><p>Copyright 2026 Acme Tools. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
SECTIONS = [
    ("Plan every job in one place",
     ("Acme Planner keeps your quotes, schedules and invoices together, so a job moves from the first call to the "
     "final payment without a spreadsheet in between.")),
    ("Built for crews on the move",
     ("Every crew member sees the day's jobs on a phone, marks work as done with one tap and adds photos of the "
     "finished work, which the customer receives the same evening.")),
    ("Pricing that grows with you",
     ("Start free with one crew and up to twenty jobs a month; the team plan adds unlimited jobs, shared calendars "
     "and priority support for a flat monthly fee.")),
]


def _page(main: str) -> str:
    return f"<html><head><title>Acme Planner</title></head><body>{CHROME}{main}{FOOTER}</body></html>"


def _sections(wrapper_attrs: str) -> str:
    inner = "".join(f"<div class='cmp-teaser'><h2>{title}</h2><div class='cmp-text'><p>{text}</p></div></div>"
                    for title, text in SECTIONS)
    return f"<div {wrapper_attrs}>{inner}</div>"


def test_rule_is_registered() -> None:
    assert RULES[FALLBACK_RULE.id] == FALLBACK_RULE
    assert FALLBACK_RULE.kind == "outside-article" and FALLBACK_RULE.doc


def test_content_in_a_hidden_wrapper_is_found() -> None:
    # a wrapper hidden until a script reveals it: the article path keeps nothing of it
    article = cleanpress.extract(_page(_sections("class='page' hidden")))
    assert all(text in article.text for _, text in SECTIONS)
    assert 0 < article.confidence <= RESCUED_CONFIDENCE


def test_sections_whose_class_words_read_as_chrome_are_found() -> None:
    # a component library's prefix ("cmp") reads as a consent banner's class
    article = cleanpress.extract(_page(_sections("class='cmp-container'")))
    assert all(text in article.text for _, text in SECTIONS)
    assert all(title in article.text for title, _ in SECTIONS)


def test_the_markup_chrome_stays_out_of_a_rescued_page() -> None:
    article = cleanpress.extract(_page(_sections("class='page' hidden")))
    assert "Hammers" not in article.text and "All rights reserved" not in article.text


def test_switching_the_rule_off_keeps_the_article_path() -> None:
    page = _page(_sections("class='page' hidden"))
    assert cleanpress.extract(page, disabled_rules={FALLBACK_RULE.id}).text == ""


def test_a_page_without_main_content_stays_empty() -> None:
    # menus, a sign-in form, a consent banner and a footer: nothing a reader came for
    banner = "<div class='cookie-banner'><p>We use cookies to improve your visit.</p><button>Accept</button></div>"
    form = "<form><label>E-mail</label><input name='e'><button>Sign in</button></form>"
    article = cleanpress.extract(_page(banner + form))
    assert article.text == ""
    assert article.confidence == 0.0


def test_an_article_the_article_path_finds_is_left_alone() -> None:
    prose = "".join(f"<p>{text} {text}</p>" for _, text in SECTIONS)
    related = "<div class='related-stories'><a href='/x'>Another story about tools and crews</a></div>"
    page = _page(f"<article><h1>Acme Planner</h1>{prose}</article>{related}")
    article = cleanpress.extract(page)
    assert article == cleanpress.extract(page, disabled_rules={FALLBACK_RULE.id})
    assert article.confidence > RESCUED_CONFIDENCE


SITE_FOOTER = ("<div class='site-footer'><p>Acme Tools has made planning software for trade crews since 2009.</p>"
               "<ul><li><a href='/jobs'>Careers</a></li><li><a href='/press'>Press room</a></li></ul></div>")


def test_a_footer_named_by_its_class_stays_out_of_a_rescued_page() -> None:
    # no <footer> tag: only the class says it is the site's footer, and the broader reading still takes its word
    article = cleanpress.extract(_page(_sections("class='page' hidden") + SITE_FOOTER))
    assert all(text in article.text for _, text in SECTIONS)
    assert "since 2009" not in article.text and "Careers" not in article.text


def test_content_whose_wrapper_class_reads_as_a_footer_is_kept() -> None:
    # a legal page's own text under a "legal" wrapper: the size guard keeps what holds the page's prose
    article = cleanpress.extract(_page(_sections("class='legal-notice' hidden")))
    assert all(text in article.text for _, text in SECTIONS)
