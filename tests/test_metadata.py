"""The metadata stage on small pages written here, one source kind at a time."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import lxml.html
import pytest

import cleanpress
from cleanpress.article import Metadata
from cleanpress.decode import clean_text
from cleanpress.metadata import (
    extract_metadata,
    lead_description,
    normalize_date,
    normalize_lang,
)
from cleanpress.metadata.authors import clean_byline
from cleanpress.metadata.collect import (
    _MAYBE_CONTENT_WORDS,
    _UNLIKELY_WORDS,
    _unlikely_container,
)
from cleanpress.metadata.text import _WS, clean

URL = "https://news.example.org/world/2024/story.html"


def meta_of(html: str, url: str | None = URL) -> Metadata:
    return extract_metadata(lxml.html.document_fromstring(html), url)


def page(head: str = "", body: str = "<p>Body text.</p>", html_attrs: str = "") -> str:
    return f"<!DOCTYPE html><html {html_attrs}><head>{head}</head><body>{body}</body></html>"


# --- JSON-LD -------------------------------------------------------------------------------

ARTICLE_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Rivers rise across the valley",
 "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Tom Berg"}],
 "datePublished": "2024-03-05T08:15:00+01:00",
 "publisher": {"@type": "Organization", "name": "Valley Herald"},
 "description": "Heavy rain swells every river in the region.",
 "image": {"@type": "ImageObject", "url": "/img/river.jpg"}}
</script>"""


def test_jsonld_article_gives_every_field() -> None:
    m = meta_of(page(ARTICLE_LD))
    assert m.title == "Rivers rise across the valley"
    assert m.authors == ("Ana Lima", "Tom Berg")
    assert m.byline == "Ana Lima, Tom Berg"
    assert m.published == "2024-03-05T08:15:00+01:00"
    assert m.site_name == "Valley Herald"
    assert m.description == "Heavy rain swells every river in the region."
    assert m.image == "https://news.example.org/img/river.jpg"


def test_jsonld_beats_open_graph() -> None:
    head = ARTICLE_LD + '<meta property="og:title" content="Rivers rise | Valley Herald">'
    assert meta_of(page(head)).title == "Rivers rise across the valley"


def test_jsonld_graph_and_article_preferred_over_other_types() -> None:
    ld = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Lakeside Post"},
      {"@type": "VideoObject", "name": "A clip about something else"},
      {"@type": ["BlogPosting"], "headline": "Notes from the lake shore", "datePublished": "2023-07-01"}
    ]}</script>"""
    m = meta_of(page(ld))
    assert m.title == "Notes from the lake shore"
    assert m.published == "2023-07-01"
    assert m.site_name == "Lakeside Post"


def test_an_embedded_video_does_not_speak_for_the_page() -> None:
    ld = '<script type="application/ld+json">{"@type": "VideoObject", "name": "Clip of the day"}</script>'
    head = '<meta property="og:title" content="Storm closes the coast road">' + ld
    assert meta_of(page(head)).title == "Storm closes the coast road"
    recipe = '<script type="application/ld+json">{"@type": "Recipe", "name": "Plum cake", "author": "Ida Holm"}</script>'
    m = meta_of(page('<title>Plum cake - Baking Corner</title>' + recipe))
    assert (m.title, m.authors) == ("Plum cake", ("Ida Holm",))


def test_jsonld_name_or_headline_whichever_resembles_the_page_title() -> None:
    ld = """<script type="application/ld+json">{"@type": "Article", "name": "Mount Kea",
      "headline": "dormant volcano in the north"}</script>"""
    assert meta_of(page("<title>Mount Kea - Wikipedia</title>" + ld)).title == "Mount Kea"


@pytest.mark.parametrize(
    "body",
    [
        '{"@type": "Article", "headline": "Trailing commas", "author": {"name": "Kim Park",},}',
        '<!-- {"@type": "Article", "headline": "Trailing commas", "author": {"name": "Kim Park"}} -->',
        '{"@type": "Article", "headline": "Trailing\tcommas", "author": {"name": "Kim Park"}}',
        '<![CDATA[{"@type": "Article", "headline": "Trailing commas", "author": "Kim Park"}]]>',
        '{"@type": "WebSite", "name": "X"} {"@type": "Article", "headline": "Trailing commas", "author": "Kim Park"}',
        '[{"@type": "Article", "headline": "Trailing commas", "author": [["Kim Park"]]}]',
    ],
)
def test_broken_jsonld_is_tolerated(body: str) -> None:
    m = meta_of(page(f'<script type="application/ld+json">{body}</script>'))
    assert m.title == "Trailing commas"
    assert m.authors == ("Kim Park",)


@pytest.mark.parametrize(
    "body",
    ["", "{", "null", "[1, 2, 3]", '{"@type": 5, "headline": {"x": []}}', '"just a string"',
     '{"@graph": {"@graph": {"@graph": []}}}', "[" * 5000, '{"@type": "Article", "author": {"name": null}}'],
)
def test_garbage_jsonld_never_raises(body: str) -> None:
    m = meta_of(page(f'<title>Fallback title here today</title><script type="application/ld+json">{body}</script>'))
    assert isinstance(m, Metadata)


def test_jsonld_id_references_are_followed() -> None:
    ld = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "Article", "headline": "Linked data", "author": {"@id": "#kim"}, "publisher": {"@id": "#org"}},
      {"@type": "Person", "@id": "#kim", "name": "Kim Park"},
      {"@type": "Organization", "@id": "#org", "name": "Graph Weekly"}]}</script>"""
    m = meta_of(page(ld))
    assert (m.authors, m.site_name) == (("Kim Park",), "Graph Weekly")


def test_the_jsonld_node_matching_the_page_title_is_the_main_one() -> None:
    ld = """<script type="application/ld+json">[
      {"@type": "NewsArticle", "headline": "Teaser about football results", "datePublished": "2020-01-01"},
      {"@type": "NewsArticle", "headline": "Council approves the new bridge", "datePublished": "2021-02-02"}]</script>"""
    m = meta_of(page('<meta property="og:title" content="Council approves the new bridge">' + ld))
    assert (m.title, m.published) == ("Council approves the new bridge", "2021-02-02")


def test_jsonld_author_urls_are_not_names() -> None:
    ld = '<script type="application/ld+json">{"@type": "Article", "author": "https://example.org/staff/kim"}</script>'
    head = ld + '<meta name="author" content="Kim Park">'
    assert meta_of(page(head)).authors == ("Kim Park",)


# --- meta tags -----------------------------------------------------------------------------


def test_open_graph_and_twitter() -> None:
    head = """
      <meta property="og:title" content="Harbour reopens after storm">
      <meta property="og:site_name" content="Coast Daily">
      <meta property="og:description" content="Ships return to the harbour.">
      <meta property="og:image" content="//cdn.example.org/harbour.jpg">
      <meta property="og:url" content="/harbour">
      <meta name="twitter:title" content="Twitter title">
      <meta property="article:published_time" content="2022-11-30T10:00:00Z">
      <meta property="article:author" content="https://coast.example.org/people/lee">"""
    m = meta_of(page(head))
    assert m.title == "Harbour reopens after storm"
    assert m.site_name == "Coast Daily"
    assert m.description == "Ships return to the harbour."
    assert m.image == "https://cdn.example.org/harbour.jpg"
    assert m.url == "https://news.example.org/harbour"
    assert m.published == "2022-11-30T10:00:00Z"
    assert m.authors == ()  # article:author is a URL here, not a name


def test_twitter_only() -> None:
    head = '<meta name="twitter:title" content="Only a card"><meta name="twitter:image" content="https://i.example/x.png">'
    m = meta_of(page(head))
    assert (m.title, m.image) == ("Only a card", "https://i.example/x.png")


def test_property_attribute_beats_name_attribute() -> None:
    head = """<meta name="DC.title" content="Named title"><meta property="dc:title" content="Property title">
      <meta name="DC.creator" content="Named author"><meta property="dc:creator" content="Property author">"""
    m = meta_of(page(head))
    assert (m.title, m.byline) == ("Property title", "Property author")


def test_meta_author_drops_a_by_prefix_and_entities_are_decoded() -> None:
    head = '<meta name="author" content="By Rosa Diaz"><meta name="description" content="Tom &amp;amp; Jerry">'
    m = meta_of(page(head))
    assert (m.byline, m.authors, m.description) == ("Rosa Diaz", ("Rosa Diaz",), "Tom & Jerry")


@pytest.mark.parametrize(
    ("author", "names"),
    [("Ana Lima and Tom Berg", ("Ana Lima", "Tom Berg")), ("Ana Lima, Tom Berg", ("Ana Lima", "Tom Berg")),
     ("Doe, Jane", ("Doe, Jane",)), ("Mac & i", ("Mac & i",)), ("Ana Lima; Tom Berg", ("Ana Lima", "Tom Berg"))],
)
def test_meta_author_lists_are_split_into_names(author: str, names: tuple[str, ...]) -> None:
    m = meta_of(page(f'<meta name="author" content="{author}">'))
    assert (m.authors, m.byline) == (names, author)


def test_title_with_double_colon_separator() -> None:
    head = "<title>Самовары вернулись в Старый Посад :: Посадская газета</title>"
    m = meta_of(page(head, "<h1>Самовары вернулись в Старый Посад</h1>"))
    assert (m.title, m.site_name) == ("Самовары вернулись в Старый Посад", "Посадская газета")


def test_meta_without_content_is_ignored() -> None:
    head = '<meta property="og:description"><meta name="description" content="Real description">'
    assert meta_of(page(head)).description == "Real description"


def test_canonical_and_base_href_resolve_relative_links() -> None:
    head = '<base href="/root/"><link rel="canonical" href="page.html"><meta property="og:image" content="pic.png">'
    m = meta_of(page(head))
    assert m.url == "https://news.example.org/root/page.html"
    assert m.image == "https://news.example.org/root/pic.png"


def test_only_http_images_and_urls() -> None:
    head = '<meta property="og:image" content="data:image/png;base64,AAAA"><link rel="canonical" href="javascript:x()">'
    m = meta_of(page(head), url=None)
    assert (m.image, m.url) == ("", "")


# --- title and site name from the <title> ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Budget talks collapse after a long night | The Daily Planet", "Budget talks collapse after a long night"),
        ("Budget talks collapse after a long night - The Daily Planet", "Budget talks collapse after a long night"),
        ("Budget talks collapse after a long night — Daily Planet", "Budget talks collapse after a long night"),
        ("Daily Planet » Budget talks collapse after a long night", "Budget talks collapse after a long night"),
        ("Daily Planet: Budget talks collapse after a long night", "Budget talks collapse after a long night"),
        ("Short - Site", "Short - Site"),
        ("A headline without any site name", "A headline without any site name"),
    ],
)
def test_title_site_name_stripping(title: str, expected: str) -> None:
    assert meta_of(page(f"<title>{title}</title>")).title == expected


SITE_URL = "https://www.harbourwatch.example/news/storm.html"


@pytest.mark.parametrize(("head", "url", "title"), [
    # og:site_name at the end, in og:title as in <title>
    ('<meta property="og:site_name" content="Harbour Watch">'
     '<meta property="og:title" content="Storm closes the harbour - Harbour Watch">', URL, "Storm closes the harbour"),
    # at the start, with an en dash
    ('<meta property="og:site_name" content="Harbour Watch">'
     '<meta property="og:title" content="Harbour Watch – Storm closes the harbour">', URL, "Storm closes the harbour"),
    # the URL host names the site
    ('<meta property="og:title" content="Storm closes the harbour | HarbourWatch.example">', SITE_URL,
     "Storm closes the harbour"),
    # JSON-LD publisher, in the headline itself
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm closes the harbour :: Tide Post",'
     ' "publisher": {"@type": "Organization", "name": "Tide Post"}}</script>', URL, "Storm closes the harbour"),
    # quoted headline before the site name
    ('<meta property="og:site_name" content="Quaymark"><meta property="og:title" content="»tide.now« – Quaymark">',
     URL, "tide.now"),
    # what <title> adds to og:title is the site name, wherever og:title is used
    ('<title>Storm closes the harbour | Coast Daily</title><meta property="og:title" content="Storm closes the harbour">'
     '<meta name="twitter:title" content="Winds ease - Coast Daily">', URL, "Storm closes the harbour"),
    # a short last part that opens with the site's name
    ('<meta property="og:title" content="Install the client | Harbourwatch Docs">', SITE_URL, "Install the client"),
    # an underscore trail of section and site
    ("<title>港口因风暴关闭，渡轮停航至周一_新闻_海港网</title>", URL, "港口因风暴关闭，渡轮停航至周一"),
    # soft hyphens and zero-width spaces go, as from the text
    ('<meta property="og:title" content="Mit\u00adtel\u00adal\u00adter\u200bheute">', URL, "Mittelalter heute"),
])
def test_title_without_the_site_name(head: str, url: str, title: str) -> None:
    assert meta_of(page(head), url=url).title == title


def test_malformed_urls_cost_the_title_nothing() -> None:
    head = ('<meta property="og:url" content="http://[broken"><meta property="og:site_name" content="Coast Daily">'
            '<meta property="og:title" content="Storm closes the harbour | Coast Daily">')
    assert meta_of(page(head), url="https://[also-broken/x").title == "Storm closes the harbour"


@pytest.mark.parametrize(("head", "title"), [
    # nothing, or too little, would remain
    ('<meta property="og:site_name" content="Harbour Watch"><meta property="og:title" content="Harbour Watch">',
     "Harbour Watch"),
    ('<meta property="og:site_name" content="Harbour Watch"><meta property="og:title" content="Up - Harbour Watch">',
     "Up - Harbour Watch"),
    # a site name inside the headline, not joined to an end
    ('<meta property="og:site_name" content="Harbour Watch">'
     '<meta property="og:title" content="Why Harbour Watch closed the quay for good">',
     "Why Harbour Watch closed the quay for good"),
    # a first part that only resembles the site's name, or that <title> and og:title share, is the headline's
    ('<meta property="og:site_name" content="Quay"><meta property="og:title" content="Quay Watch - Storm">'
     '<title>Quay Watch - The storm</title>', "Quay Watch - Storm"),
    # a part joined by a colon that is no site name
    ('<meta property="og:site_name" content="Coast Daily">'
     '<meta property="og:title" content="Storm warning: ferries stay in port">', "Storm warning: ferries stay in port"),
    # a long last part that only begins with the site's name is the headline's
    ('<meta property="og:title" content="News | Harbourwatch crews rescue three sailors off the point">',
     "News | Harbourwatch crews rescue three sailors off the point"),
])
def test_title_kept_when_no_site_name_can_go(head: str, title: str) -> None:
    assert meta_of(page(head), url=SITE_URL).title == title


def test_title_kept_whole_when_a_heading_spells_it() -> None:
    title = "Field notes: what the river taught us"
    assert meta_of(page(f"<title>{title}</title>", f"<h1>{title}</h1>")).title == title


def test_title_falls_back_to_h1() -> None:
    assert meta_of(page("", "<h1>Only a heading</h1><p>x</p>")).title == "Only a heading"


def test_site_name_derived_from_title_suffix() -> None:
    head = "<title>Budget talks collapse after a long night | The Daily Planet</title>"
    assert meta_of(page(head, "<h1>Budget talks collapse after a long night</h1>")).site_name == "The Daily Planet"


def test_svg_title_is_not_the_page_title() -> None:
    body = "<svg><title>icon</title></svg><h1>Real heading</h1>"
    assert meta_of(page("", body)).title == "Real heading"


# --- bylines and authors in the body --------------------------------------------------------


def test_body_byline_is_the_names_as_written() -> None:
    m = meta_of(page("", '<article><p class="byline">By Jane Doe and John Roe</p><p>Text.</p></article>'))
    assert m.byline == "Jane Doe and John Roe"
    assert m.authors == ("Jane Doe", "John Roe")


@pytest.mark.parametrize(("raw", "byline"), [
    ("by Olivia Park", "Olivia Park"),
    ("| Klaus Berg-Winter", "Klaus Berg-Winter"),
    ("Wire Service \n\t\t\t...November 19, 2019, 9:02 AM", "Wire Service"),
    ("Posted by: Ida Lund", "Ida Lund"),
    ("Von Anna Schmidt und Jonas Weber", "Anna Schmidt und Jonas Weber"),
    ("Par Marie Dubois", "Marie Dubois"),
    ("Por Lucía Gómez · 3 de mayo", "Lucía Gómez"),
    ("ByRuth Lake", "Ruth Lake"),
    ("Written byTom Hale", "Tom Hale"),
    ("By Ann Lee, Staff Writer | May 3, 2024", "Ann Lee"),
    ("Ann Lee, Bo Park and Cy Ray", "Ann Lee, Bo Park and Cy Ray"),
    ("By Ann Lee. Reviewed by Bo Park, MD", "Ann Lee"),
    ("Ann LeePublished on March 2, 2023", "Ann Lee"),
    ("Mar 2, 2023 Ann Lee", "Ann Lee"),
    ("Updated March 2, 2023 at 9:14 am", ""),
    ("Theresa May, 12 June 2020", "Theresa May"),
    ("Kooman, F.", "Kooman, F."),
    ("Von der Heide", "Von der Heide"),  # a name that begins like a prefix
    ("Sam Ray (https://sam.example.org/)", "Sam Ray"),
    ("admin", ""),
    ("Guest", ""),
    ("quietfox42", "quietfox42"),
    ("Staff Writer", "Staff Writer"),  # what the page gives instead of a name: kept
])
def test_clean_byline(raw: str, byline: str) -> None:
    assert clean_byline(raw) == byline


def test_byline_cleaned_whatever_the_source() -> None:
    assert meta_of(page('<meta name="author" content="admin">')).byline == ""
    assert meta_of(page('<meta name="author" content="admin">')).authors == ()
    ld = '{"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "| Klaus Berg"}}'
    assert meta_of(page(f'<script type="application/ld+json">{ld}</script>')).byline == "Klaus Berg"
    body = """<article><div class="byline"><span>By</span> <a href="/a/ol">Olivia Park</a>
      <span class="sep">|</span> <time>November 19, 2019, 9:02 AM</time></div><p>Text.</p></article>"""
    m = meta_of(page("", body))
    assert (m.byline, m.authors) == ("Olivia Park", ("Olivia Park",))
    glued = '<article><p class="author">By <b>Ruth Lake</b>Published on <span>May 2, 2021</span></p></article>'
    assert meta_of(page("", glued)).byline == "Ruth Lake"


def test_byline_without_names_gives_way_to_the_next() -> None:
    body = ('<article><p class="byline">Updated May 2, 2021 · 5 min read</p>'
            '<p class="author">Written by Ruth Lake</p><p>Text.</p></article>')
    assert meta_of(page("", body)).byline == "Ruth Lake"


def test_rel_author_and_itemprop_name() -> None:
    body = '<div itemprop="author" itemscope><span>Written by </span><span itemprop="name">Lena Ohm</span></div>'
    m = meta_of(page("", body))
    assert (m.byline, m.authors) == ("Lena Ohm", ("Lena Ohm",))
    assert meta_of(page("", '<a rel="author" href="/x">Max Kurz</a>')).byline == "Max Kurz"


def test_bylines_in_hidden_or_comment_or_sidebar_parts_are_skipped() -> None:
    body = """<div style="display:none"><span class="author">Hidden Person</span></div>
      <p hidden><span class="author">Also Hidden</span></p><div aria-hidden="TRUE"><span class="byline">Not Read</span></div>
      <section class="comments"><span class="comment-author">A Commenter</span></section>
      <div class="sidebar"><span class="byline">Other Writer</span></div>
      <article><span class="byline">Real Writer</span></article>"""
    assert meta_of(page("", body)).byline == "Real Writer"


def test_a_dateline_is_not_a_byline() -> None:
    body = '<span class="dateline">Sunday, Feb 1, 2015 11:57 AM</span><span class="byline">Pat Quinn</span>'
    assert meta_of(page("", body)).byline == "Pat Quinn"


def test_overlong_byline_element_is_ignored() -> None:
    body = f'<div class="author-bio">{"Long biography text. " * 20}</div>'
    assert meta_of(page("", body)).byline == ""


# --- dates ---------------------------------------------------------------------------------


def test_time_element_and_itemprop_dates() -> None:
    body = '<nav><time datetime="2001-01-01">old</time></nav><article><time datetime="2020-02-03T04:05">x</time></article>'
    assert meta_of(page("", body)).published == "2020-02-03T04:05"
    body = '<span itemprop="datePublished" content="2019-05-06">6 May</span><time datetime="2020-01-01">x</time>'
    assert meta_of(page('<meta itemprop="datePublished" content="2019-05-06">', body)).published == "2019-05-06"


def test_microdata_date_on_any_element() -> None:
    body = '<article><span itemprop="datePublished" content="2018-08-09">9 Aug</span></article>'
    assert meta_of(page("", body)).published == "2018-08-09"


def test_half_broken_jsonld_keeps_what_parses() -> None:
    ld = '{"@type": "WebSite", "name": "Good Site"} {"@type": "Article", "headline": "After a bad one",}'
    m = meta_of(page(f'<script type="application/ld+json">{ld}</script>'))
    assert (m.site_name, m.title) == ("Good Site", "After a bad one")


def test_visible_dateline_and_url_dates_are_last_resorts() -> None:
    body = '<nav><span class="date">1 May 2001</span></nav><article><p class="entry-date">April 13, 2020</p></article>'
    assert meta_of(page("", body)).published == "2020-04-13"
    assert meta_of(page("", "<p>x</p>"), url="https://e.example/2019/7/4/story").published == "2019-07-04"
    head = '<meta property="article:modified_time" content="2022-01-01"><link rel="canonical" href="/2020/02/03/x">'
    assert meta_of(page(head)).published == "2020-02-03"
    assert meta_of(page('<meta property="article:modified_time" content="2022-01-01">')).published == "2022-01-01"


def test_meta_date_variants() -> None:
    for name in ("pubdate", "publish-date", "DC.date.issued", "date", "sailthru.date"):
        head = f'<meta name="{name}" content="March 4, 2021">'
        assert meta_of(page(head)).published == "2021-03-04", name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-03-27T13:07:55.096Z", "2015-03-27T13:07:55.096Z"),
        ("2018-04-05T06:00", "2018-04-05T06:00"),
        ("2024-06-25", "2024-06-25"),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
        ("2016-12-22T10:43:37-0800", "2016-12-22T10:43:37-08:00"),
        ("20161222", "2016-12-22"),
        ("2016/12/22", "2016-12-22"),
        ("Tue, 22 Dec 2016 10:43:37 GMT", "2016-12-22T10:43:37+00:00"),
        ("December 22, 2016 at 3:46 PM", "2016-12-22T15:46:00"),
        ("Sunday, Feb 1, 2015 11:57 AM UTC", "2015-02-01T11:57:00+00:00"),
        ("22 décembre 2016", "2016-12-22"),
        ("3. Mai 2019 um 10:15", "2019-05-03T10:15:00"),
        ("1422791820", "2015-02-01T11:57:00+00:00"),
        ("2016-13-45", ""),
        ("yesterday", ""),
        ("", ""),
        ("0000-00-00", ""),
    ],
)
def test_normalize_date(raw: str, expected: str) -> None:
    assert normalize_date(raw) == expected


# --- language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("en-US", "en"), ("EN", "en"), ("pt_BR", "pt"), ("zh-Hant-TW", "zh"), ("fil", "fil"), ("und", ""),
     ("english", ""), ("", ""), (None, ""), ("de, en", "de")],
)
def test_normalize_lang(raw: str | None, expected: str) -> None:
    assert normalize_lang(raw) == expected


def test_lang_sources_in_order() -> None:
    assert meta_of(page("", html_attrs='lang="fr-CA"')).lang == "fr"
    assert meta_of(page('<meta http-equiv="content-language" content="de-AT">')).lang == "de"
    assert meta_of(page('<meta property="og:locale" content="es_ES">')).lang == "es"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("東京の天気は晴れです", "ja"), ("서울의 날씨", "ko"), ("北京今天天气很好", "zh"), ("Καιρός στην Αθήνα", "el"),
     ("Погода в Москве", ""), ("Weather in Paris", "")],
)
def test_undeclared_language_from_an_unambiguous_script(title: str, expected: str) -> None:
    assert meta_of(page(f"<title>{title}</title>")).lang == expected


# --- description fallback ------------------------------------------------------------------


def test_description_falls_back_to_first_prose_paragraph() -> None:
    body = """<header><p>Site slogan</p></header><form><p>Press enter to search</p></form>
      <article><p class="byline">By Someone</p><p>The first real paragraph.</p></article>"""
    assert meta_of(page("", body)).description == "The first real paragraph."


def test_description_skips_script_text_in_paragraphs() -> None:
    body = "<p><script>var ad = 1;</script>Visible words.</p>"
    assert meta_of(page("", body)).description == "Visible words."


ARTICLE_PARAGRAPHS = ("<p>The river rose more than two metres overnight, flooding the lower town and forcing "
                      "hundreds of families to leave their homes before dawn on Saturday.</p>"
                      "<p>Emergency crews worked through the night to shore up the embankment with sandbags "
                      "brought in by lorry from three neighbouring districts.</p>")


def test_extract_describes_a_page_that_does_not_by_the_first_paragraph_the_article_keeps() -> None:
    # the page's first paragraph is chrome that the article leaves out: the article's own first paragraph describes it
    chrome_first = page("<title>Flood</title>", '<div class="login-status">Not logged in to the site</div>'
                        f"<article>{ARTICLE_PARAGRAPHS}</article>")
    assert meta_of(chrome_first).description == "Not logged in to the site"  # the metadata stage alone cannot tell
    article = cleanpress.extract(chrome_first, url=URL)
    assert "Not logged in" not in article.text
    assert article.description.startswith("The river rose more than two metres overnight")
    # the page's first paragraph, when the article keeps it, is still the description
    kept_first = page("<title>Flood</title>", f"<article><p>Residents were told to leave early.</p>{ARTICLE_PARAGRAPHS}</article>")
    assert cleanpress.extract(kept_first, url=URL).description == "Residents were told to leave early."
    # a description the page gives is never replaced
    described = page('<title>Flood</title><meta name="description" content="Floods in the lower town.">',
                     f"<div>Not logged in to the site</div><article>{ARTICLE_PARAGRAPHS}</article>")
    assert cleanpress.extract(described, url=URL).description == "Floods in the lower town."


def test_lead_description_prefers_the_page_lead_the_article_keeps() -> None:
    kept = [("heading", "Flood"), ("paragraph", "The river rose overnight."), ("paragraph", "Crews worked.")]
    assert lead_description("The river rose overnight.", kept) == "The river rose overnight."
    assert lead_description("Not logged in", kept) == "The river rose overnight."
    assert lead_description("", kept) == "The river rose overnight."
    assert lead_description("Not logged in", [("heading", "Flood")]) == "Not logged in"


# --- robustness ----------------------------------------------------------------------------


def test_tree_is_not_mutated() -> None:
    html = page(ARTICLE_LD + "<title>T | S</title>", '<div class="byline">By A B</div><p>x</p><time datetime="2020-01-01">')
    root = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(root)
    extract_metadata(root, URL)
    assert lxml.html.tostring(root) == before


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<p>just text</p>",
        "<html><head><meta></head><body><!-- c --><?pi x?></body></html>",
        '<html lang="\x00"><head><meta name="author" content="\x01\x02"></head><body></body></html>',
        '<html><head><base href="http://[::1"><link rel="canonical" href="http://[bad"></head></html>',
        "<html><body>" + "<div>" * 2000 + "deep" + "</div>" * 2000 + "</body></html>",
    ],
)
def test_never_raises(html: str) -> None:
    assert isinstance(meta_of(html), Metadata)


def test_byline_like_wrappers_of_a_big_page_stay_cheap() -> None:
    html = "<html><body>" + '<div class="author-box">' * 150 + "<p>word </p>" * 20000 + "</div>" * 150 + "</body></html>"
    root = lxml.html.document_fromstring(html)
    start = time.perf_counter()
    m = extract_metadata(root, None)
    assert m.byline == ""  # every wrapper is far too long to be a byline
    assert time.perf_counter() - start < 3.0


def test_url_may_be_none() -> None:
    m = meta_of(page('<link rel="canonical" href="https://a.example/x">'), url=None)
    assert m.url == "https://a.example/x"


@pytest.mark.parametrize(
    "text",
    ["plain words", " padded ", "two  spaces", "tab\there", "new\nline", "cr\r\nlf", "nbsp\u00a0space",
     "ideographic\u3000space", "line\u2028separator", "ctrl\x01char", "lone \ud800 surrogate", "non\ufffechar",
     " ", ""],
)
def test_clean_shortcut_agrees_with_the_full_cleaning(text: str) -> None:
    assert clean(text) == _WS.sub(" ", clean_text(text)).strip()


@pytest.mark.parametrize(
    "hint",
    ["", " ", "SideBar widget", "sidebar main-content", "Related-Posts", "comment-list x",
     "\u017fidebar", "s\u212ayscraper", "Dis\u0131qus", "men\u00fc-top", "sidebar \u00e9t\u00e9"],
)
def test_unlikely_container_agrees_with_the_case_insensitive_words(hint: str) -> None:
    assert _unlikely_container(hint) == (bool(re.search(_UNLIKELY_WORDS, hint, re.I))
                                         and not re.search(_MAYBE_CONTENT_WORDS, hint, re.I))


# --- the readability corpus, when present --------------------------------------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

#: Floors a little under the measured rates (see benchmarks/metadata_check.py).
FLOORS = {"title": 0.97, "byline": 0.90, "publishedTime": 0.95, "lang": 0.98, "siteName": 0.95, "excerpt": 0.88}


@pytest.mark.skipif(not (SHARED / "bench" / "readability").is_dir(), reason="../shared/bench/readability is absent")
def test_readability_corpus_hit_rates() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.metadata_check import score

    rates = {key: hits / max(total, 1) for key, (hits, total) in score().items()}
    low = {k: round(v, 3) for k, v in rates.items() if v < FLOORS[k]}
    assert not low, f"metadata hit rates under the floor: {low}"
