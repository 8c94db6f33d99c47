"""What kind of page this is, from the page's own signals.

The vocabulary is WCXB's: article, documentation, service, forum, collection,
listing, product, and ``other`` for input that is not a page at all. The
signals are what a page does, not what site it is on: the types it declares
(JSON-LD ``@type`` and ``og:type``, which the metadata stage already read),
boxes of one class repeated as cards, repeated posts with their own authors
and times, the share of its text that is code, prices and cart controls,
prose paragraphs, and the shape of its URL.

The counts come from one Python walk over the tree as parsed (before any
stage removes chrome: a cart button or a row of cards is chrome, and
evidence) that tallies tags and class values, plus text lengths that lxml
reads in C for the few tags that need them (``p``, ``pre``, ``a``, scripts).
``classify`` weighs them with a multinomial logistic model fitted on WCXB's
tuning pages (``python -m benchmarks.confidence --fit``); what the extraction
kept (how much text, how article-like) joins them as two more signals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from operator import attrgetter, methodcaller
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ._page_type_weights import BIAS, WEIGHTS
from .article import Metadata, PageType
from .textutil import raw_text

#: The page types the model tells apart (``other`` is only for input with no page in it).
MODELLED: tuple[PageType, ...] = ("article", "documentation", "service", "forum", "collection", "listing", "product")

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

_URL_WORDS: dict[str, re.Pattern[str]] = {
    "documentation": re.compile(r"(?:^|[/.])(?:docs?|documentation|api|reference|manual|guides?|sdk|"
                                   r"developers?|learn|wiki|tutorials?|handbook|kb|help|support)(?=[/.]|$)"),
    "forum": re.compile(r"(?:^|[/.])(?:forums?|threads?|t|topics?|questions?|community|discuss(?:ion)?s?|"
                           r"comments|r|board|viewtopic[^/]*|showthread[^/]*)(?=[/.]|$)"),
    "product": re.compile(r"(?:^|[/.])(?:products?|p|dp|shop|store|items?|buy|gp)(?=[/.]|$)"),
    "service": re.compile(r"(?:^|[/.])(?:services?|solutions?|pricing|plans|features|platform|consulting|"
                             r"agency|programs?|courses?|training|about(?:-us)?|contact(?:-us)?|industries|"
                             r"why-[^/]*|enterprise|business)(?=[/.]|$)"),
    "listing": re.compile(r"(?:^|[/.])(?:category|categories|tags?|collections?|c|search|archives?|"
                             r"list|page|topics|jobs|events|results|browse|all)(?=[/.]|$)"),
}
_SECTION_END = re.compile(r"(?:^|/)(?:news|blog|articles|stories|posts|press|events|jobs|products|shop|"
                             r"category|tags?|search|archive|resources|insights|library|all)/?$")
_DATE_IN_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?")
_SLUG_JOINER = re.compile(r"[-_]+")
#: A last path segment of this many words joined by hyphens or underscores is an item's own slug.
_SLUG_WORDS = 5

#: Prices: a dollar sign before a figure (a bare "$" is common in scripts), and the signs of other
#: currencies anywhere; both found at memory speed, as the page text includes its scripts.
_DOLLARS = re.compile(r"\$\s?\d")
_CURRENCY_SIGNS = "€£¥₹"
_POSTISH = re.compile(r"(?:^|[\s_-])(?:post|reply|replies|comment|message|answer|thread)(?:$|[\s_-])")

#: Words in class values that mark cart and price widgets, per-post authors, vote counts and call-to-action
#: buttons; counted as substrings (``str.count`` runs at memory speed, a regex alternation does not).
_CLASS_HINTS: dict[str, tuple[str, ...]] = {
    "cart": ("cart", "basket", "checkout", "price", "add-to-bag", "buy-now", "buybox"),
    "authors": ("author", "user", "avatar", "member", "poster"),
    "votes": ("vote", "score", "like", "karma", "reputation"),
    "buttons": ("btn", "button", "cta"),
}
_COUNTED_TAGS: dict[str, str] = {
    "a": "links", "time": "times", "article": "articles", "form": "forms", "input": "inputs", "button": "inputs",
    "select": "inputs", "li": "list_items", "h1": "h1", "h2": "headings", "h3": "headings", "h4": "headings",
    "img": "images", "table": "tables",
}
_NOT_SHOWN = ("script", "style", "noscript", "template")
_X_TEXT = etree.XPath("string(.)")
_X_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_TAG = attrgetter("tag")
_CLASS = methodcaller("get", "class")


def page_text(body: HtmlElement) -> str:
    """All the text under ``body``, scripts included, read in C: what the signals and the noise check share."""
    return str(_X_TEXT(body))


def _slug_words(path: str) -> int:
    """The words of the path's last segment (``/2024/05/storm-hits-the-coast-again/`` has 5)."""
    segment = path.rstrip("/").rpartition("/")[2]
    return sum(1 for word in _SLUG_JOINER.split(segment) if word)


def page_signals(body: HtmlElement, text: str, metadata: Metadata, url: str) -> dict[str, float]:
    """The counts that tell page types apart, read off the tree as parsed; ``text`` is :func:`page_text`."""
    signals: dict[str, float] = {}
    declared = {t.lower() for t in metadata.declared_types}
    for kind, names in _DECLARED.items():
        signals[f"declared_{kind}"] = float(bool(declared & names))
    # the last declared type: og:type when the page gives one, else its last JSON-LD type
    signals["og_article"] = float("article" in {t.lower() for t in metadata.declared_types[-1:]})
    signals["dated"] = float(bool(metadata.published))
    signals["byline"] = float(bool(metadata.byline or metadata.authors))
    path = urlsplit(url).path.lower() if url else ""
    host = (urlsplit(url).hostname or "") if url else ""
    for kind, pattern in _URL_WORDS.items():
        signals[f"url_{kind}"] = float(bool(pattern.search(path) or pattern.search(host.split(".")[0])))
    signals["url_date"] = float(bool(_DATE_IN_PATH.search(path)))
    signals["url_slug"] = float(_slug_words(path) >= _SLUG_WORDS)
    signals["url_root"] = float(path.strip("/") == "")
    signals["url_section"] = float(bool(_SECTION_END.search(path)))
    signals["url_query"] = float(bool(url and urlsplit(url).query))
    signals["title_question"] = float(metadata.title.rstrip().endswith("?"))
    signals["title_digits"] = float(any(ch.isdigit() for ch in metadata.title))
    signals["url_depth"] = float(len([p for p in path.split("/") if p]))
    # counted in C (map, filter), without a Python frame per element nor a list holding them all
    tags = Counter(map(_TAG, body.iter()))
    classes: Counter[str] = Counter(filter(None, map(_CLASS, body.iter())))
    chars = len(text) - sum(len(raw_text(el)) for el in body.iter(*_NOT_SHOWN))
    signals["log_chars"] = math.log1p(max(chars, 0))
    chars = max(chars, 1)
    code = sum(len(raw_text(el)) for el in body.iter("pre"))
    signals["code_share"] = min(code / chars, 1.0)
    signals["inline_code"] = math.log1p(tags["code"])
    paragraphs = [len(raw_text(p)) for p in body.iter("p")]
    signals["log_prose_paragraphs"] = math.log1p(sum(1 for n in paragraphs if n >= 150))
    signals["prose_share"] = min(sum(n for n in paragraphs if n >= 80) / chars, 1.0)
    long_paragraphs = [n for n in paragraphs if n >= 30]
    signals["paragraph_mean"] = math.log1p(sum(long_paragraphs) / len(long_paragraphs)) if long_paragraphs else 0.0
    signals["link_share"] = min(sum(map(len, _X_LINK_TEXT(body))) / chars, 1.0)
    signals["money"] = math.log1p(len(_DOLLARS.findall(text)) + sum(map(text.count, _CURRENCY_SIGNS)))
    counted: Counter[str] = Counter()
    for tag, name in _COUNTED_TAGS.items():
        counted[name] += tags[tag]
    every_class = "\n".join(classes.elements()).lower()
    for name, words in _CLASS_HINTS.items():
        counted[name] = sum(map(every_class.count, words))
    for name, count in counted.items():
        signals[name] = math.log1p(count)
    signals["elements"] = math.log1p(sum(tags.values()))
    signals["cards"] = math.log1p(max(classes.values(), default=0))
    signals["posts"] = math.log1p(max((n for value, n in classes.items() if n >= 3 and _POSTISH.search(value.lower())),
                                      default=0))
    return signals


def kept_signals(kept_chars: int, article_score: float) -> dict[str, float]:
    """What the extraction itself found: how much text it kept, and how article-like that text is."""
    return {"kept_chars": math.log1p(kept_chars), "extract_score": article_score}


def classify(signals: dict[str, float], *, empty: bool = False, cap: float = 1.0) -> tuple[PageType, float]:
    """The page type and the probability that the page is an article, which agree.

    A multinomial logistic model over ``signals``: each type's score is its
    bias plus the weighted signals, and the probabilities are their softmax.
    ``article`` wins exactly when its probability is at least one half;
    otherwise the most probable other type does. An ``empty`` extraction is
    no article whatever the page looks like: probability 0; ``cap`` bounds the
    probability where the pipeline knows more (a page the fallback rescued).
    """
    scores = {kind: BIAS[kind] + sum(w * signals.get(name, 0.0) for name, w in WEIGHTS[kind].items())
              for kind in MODELLED}
    top = max(scores.values())
    exp = {kind: math.exp(score - top) for kind, score in scores.items()}
    p_article = 0.0 if empty else min(round(exp["article"] / sum(exp.values()), 3), cap)
    if p_article >= 0.5:
        return "article", p_article
    return max((kind for kind in MODELLED if kind != "article"), key=scores.__getitem__), p_article
