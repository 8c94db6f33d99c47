"""What kind of page this is, from the page's own signals.

The vocabulary is WCXB's: article, documentation, service, forum, collection,
listing, product, and ``other`` for input that is not a page at all. The
signals are what a page does, not what site it is on: the types it declares
(JSON-LD ``@type`` and ``og:type``, which the metadata stage already read),
boxes of one class repeated as cards, repeated posts with their own authors
and times, the share of its text that is code, prices and cart controls,
prose paragraphs, and the shape of its URL.

The counts come from compiled XPath queries over the tree as parsed (before
any stage removes chrome: a cart button or a row of cards is chrome, and
evidence). Each query is one walk in C; none is a Python walk.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Literal
from urllib.parse import urlsplit

import regex
from lxml import etree
from lxml.html import HtmlElement

from .article import Metadata

PageType = Literal["article", "documentation", "service", "forum", "collection", "listing", "product", "other"]
PAGE_TYPES: tuple[PageType, ...] = (
    "article", "documentation", "service", "forum", "collection", "listing", "product", "other")

#: JSON-LD / Open Graph types, by the page type they declare (lowercase, without a vocabulary prefix).
_DECLARED: dict[str, frozenset[str]] = {
    "article": frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                          "opinionnewsarticle", "report", "scholarlyarticle", "review", "socialmediaposting",
                          "liveblogposting", "recipe", "backgroundnewsarticle", "medicalwebpage"}),
    "documentation": frozenset({"techarticle", "apireference", "softwaresourcecode", "howto"}),
    "forum": frozenset({"discussionforumposting", "qapage", "question", "answer"}),
    "product": frozenset({"product", "offer", "aggregateoffer", "productgroup", "individualproduct",
                          "productmodel", "og:product", "product.item"}),
    "collection": frozenset({"collectionpage", "itemlist", "searchresultspage", "offercatalog"}),
    "service": frozenset({"organization", "localbusiness", "service", "softwareapplication", "webapplication",
                          "corporation", "professionalservice", "faqpage", "website", "mobileapplication",
                          "event", "course", "contactpage", "aboutpage"}),
}

_URL_WORDS: dict[str, regex.Pattern[str]] = {
    "documentation": regex.compile(r"(?:^|[/.])(?:docs?|documentation|api|reference|manual|guides?|sdk|"
                                   r"developers?|learn|wiki|tutorials?|handbook|kb|help|support)(?=[/.]|$)"),
    "forum": regex.compile(r"(?:^|[/.])(?:forums?|threads?|t|topics?|questions?|community|discuss(?:ion)?s?|"
                           r"comments|r|board|viewtopic[^/]*|showthread[^/]*)(?=[/.]|$)"),
    "product": regex.compile(r"(?:^|[/.])(?:products?|p|dp|shop|store|items?|buy|gp)(?=[/.]|$)"),
    "service": regex.compile(r"(?:^|[/.])(?:services?|solutions?|pricing|plans|features|platform|consulting|"
                             r"agency|programs?|courses?|training|about(?:-us)?|contact(?:-us)?|industries|"
                             r"why-[^/]*|enterprise|business)(?=[/.]|$)"),
    "listing": regex.compile(r"(?:^|[/.])(?:category|categories|tags?|collections?|c|search|archives?|"
                             r"list|page|topics|jobs|events|results|browse|all)(?=[/.]|$)"),
}
_SECTION_END = regex.compile(r"(?:^|/)(?:news|blog|articles|stories|posts|press|events|jobs|products|shop|"
                             r"category|tags?|search|archive|resources|insights|library|all)/?$")
_DATE_IN_PATH = regex.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?")
_LONG_SLUG = regex.compile(r"[^/]*(?:[-_][^/-_]+){4,}/?$")

_MONEY = regex.compile(r"(?:[$€£¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥₹]|USD|EUR|GBP|zł|kr)\b)")
_CART = regex.compile(r"cart|basket|checkout|add-to-bag|addtobag|buy-now|buybox|price")
_POSTISH = regex.compile(r"(?:^|[\s_-])(?:post|reply|replies|comment|message|answer|thread)(?:$|[\s_-])")

_X_TEXT = etree.XPath("string(.)")
_X_VISIBLE_TEXT = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]")
_X_CODE_BLOCKS = etree.XPath(".//pre | .//code[not(ancestor::pre)]")
_X_LINK_TEXT = etree.XPath(".//a//text()")
_X_PARAGRAPHS = etree.XPath(".//p")
_X_CARD_CLASSES = etree.XPath(".//*[self::li or self::article or self::div][.//a][.//img or .//h2 or .//h3 "
                              "or .//h4][@class]/@class")
_X_COUNTS = {
    "links": etree.XPath("count(.//a)"),
    "times": etree.XPath("count(.//time)"),
    "articles": etree.XPath("count(.//article)"),
    "forms": etree.XPath("count(.//form)"),
    "inputs": etree.XPath("count(.//input | .//button | .//select)"),
    "list_items": etree.XPath("count(.//li)"),
    "headings": etree.XPath("count(.//h2 | .//h3 | .//h4)"),
    "images": etree.XPath("count(.//img)"),
    "tables": etree.XPath("count(.//table)"),
    "authors": etree.XPath("count(.//*[contains(@class, 'author') or contains(@class, 'user') or "
                           "contains(@class, 'avatar') or @itemprop='author'])"),
    "votes": etree.XPath("count(.//*[contains(@class, 'vote') or contains(@class, 'upvote') or "
                         "contains(@class, 'score') or contains(@class, 'like')])"),
    "buttons": etree.XPath("count(.//button | .//a[contains(@class, 'btn') or contains(@class, 'button') or "
                           "contains(@class, 'cta')])"),
    "h1": etree.XPath("count(.//h1)"),
    "cart": etree.XPath("count(.//*[contains(@class, 'cart') or contains(@id, 'cart') or contains(@action, 'cart')"
                        " or contains(@class, 'price') or @itemprop='price' or contains(@class, 'basket')])"),
}


def visible_text(body: HtmlElement) -> str:
    """The text a reader could see in ``body`` as parsed: its text nodes outside scripts and styles, spaced
    (so that words of neighbouring elements never run together)."""
    return " ".join(_X_VISIBLE_TEXT(body))


def page_signals(body: HtmlElement, metadata: Metadata, url: str) -> dict[str, float]:
    """The counts that tell page types apart, read off the tree as parsed."""
    signals: dict[str, float] = {}
    declared = {t.lower() for t in metadata.declared_types}
    for kind, names in _DECLARED.items():
        signals[f"declared_{kind}"] = float(bool(declared & names))
    signals["og_article"] = float("article" in {t.lower() for t in metadata.declared_types[-1:]})
    signals["dated"] = float(bool(metadata.published))
    signals["byline"] = float(bool(metadata.byline or metadata.authors))
    path = urlsplit(url).path.lower() if url else ""
    host = (urlsplit(url).hostname or "") if url else ""
    for kind, pattern in _URL_WORDS.items():
        signals[f"url_{kind}"] = float(bool(pattern.search(path) or pattern.search(host.split(".")[0])))
    signals["url_date"] = float(bool(_DATE_IN_PATH.search(path)))
    signals["url_slug"] = float(bool(_LONG_SLUG.search(path)))
    signals["url_root"] = float(path.strip("/") == "")
    signals["url_section"] = float(bool(_SECTION_END.search(path)))
    signals["url_query"] = float(bool(url and urlsplit(url).query))
    signals["title_question"] = float(metadata.title.rstrip().endswith("?"))
    signals["title_digits"] = float(any(ch.isdigit() for ch in metadata.title))
    signals["url_depth"] = float(len([p for p in path.split("/") if p]))
    text = "".join(_X_VISIBLE_TEXT(body))
    chars = len(text)
    signals["log_chars"] = math.log1p(chars)
    code = sum(len(str(_X_TEXT(el))) for el in _X_CODE_BLOCKS(body))
    signals["code_share"] = code / chars if chars else 0.0
    paragraphs = [len(str(_X_TEXT(p))) for p in _X_PARAGRAPHS(body)]
    signals["log_prose_paragraphs"] = math.log1p(sum(1 for n in paragraphs if n >= 150))
    signals["prose_share"] = sum(n for n in paragraphs if n >= 80) / chars if chars else 0.0
    signals["link_share"] = sum(len(t) for t in _X_LINK_TEXT(body)) / chars if chars else 0.0
    long_paragraphs = [n for n in paragraphs if n >= 30]
    signals["paragraph_mean"] = math.log1p(sum(long_paragraphs) / len(long_paragraphs)) if long_paragraphs else 0.0
    signals["money"] = math.log1p(len(_MONEY.findall(text)))
    for name, query in _X_COUNTS.items():
        signals[name] = math.log1p(float(query(body)))
    classes = Counter(str(c).strip() for c in _X_CARD_CLASSES(body))
    top = classes.most_common(3)
    signals["cards"] = math.log1p(top[0][1]) if top else 0.0
    signals["posts"] = math.log1p(max((n for c, n in classes.items() if n >= 3 and _POSTISH.search(c.lower())),
                                      default=0))
    signals["cart_words"] = float(bool(_CART.search(" ".join(classes))))
    return signals
