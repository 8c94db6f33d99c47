"""The metadata stage: what the page says about itself, read from the parsed tree.

Sources, best first for each field: JSON-LD (schema.org ``Article`` and kin,
``@graph`` and lists included), Open Graph, Dublin Core, Twitter cards, plain
``<meta>`` names, ``<link rel>``, microdata (``itemprop``), ``<time>``, and as a
last resort visible text (``<title>``, ``<h1>``, a byline element in the body).

The stage only reads the tree, which later stages share, and it never raises:
a page with broken JSON-LD or a nonsense date simply yields an empty field.
It costs one C-level ``iter`` over the tags that carry metadata and short
ancestor walks for the few candidates it finds. The body is searched only for
what the page does not say in its head or structured data: the byline XPath
runs only when no author is named there, the microdata and visible dates only
when no better date is given, the first paragraph only when no description is
(which the pipeline checks against the article: see :func:`lead_description`).

Where conventions differ, the stage follows those of Mozilla's Readability
(whose test pages are the reference the project measures against): a
structured title is taken as the page gives it, a structured byline is the
author names joined by ", ", a byline found in the body is its text as
readers see it, and the description of last resort is the first paragraph.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .article import Metadata
from .decode import clean_text
from .rules.structural import is_hidden
from .textutil import Caseless

__all__ = ["extract_metadata", "lead_description", "normalize_date", "normalize_lang", "page_lead"]

# --- patterns, compiled once ---------------------------------------------------------

_WS = re.compile(r"\s+")
#: Separators between a headline and a site name or section trail in a <title>.
_TITLE_SEP = re.compile(r"\s(?:[|\-–—\\/>»]|::|\|\||//)\s")
#: Separators that draw a hierarchy (Site > Section > Page) rather than a suffix.
_HIERARCHY_SEP = re.compile(r"\s[\\/>»]\s")
#: Separators around a site name in a <title>, for deriving the name when nothing else gives it.
_SITE_SEP = re.compile(r"\s(?:[|\-–—·•»:]|::|\|\||//)\s|\s?[|·•]\s?|:\s")
_SEP_CHARS = re.compile(r"[|\-–—\\/>»·•~:]+")
_WORD = re.compile(r"\w+")
#: Byline-like class or id words (as readers' tools conventionally look for them).
_BYLINE_HINT = Caseless(r"byline|author|dateline|writtenby|p-author")
#: Containers whose bylines are not the article's (comments, sidebars, teasers); in lowercase.
_UNLIKELY_WORDS = (
    r"-ad-|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|teaser|promo|recommend"
)
_MAYBE_CONTENT_WORDS = r"and|article|body|column|content|main|post|entry|story|hentry"
_UNLIKELY = Caseless(_UNLIKELY_WORDS)
_MAYBE_CONTENT = Caseless(_MAYBE_CONTENT_WORDS)
_UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})
#: Tags whose content is never the article's byline or text; and, for prose, also not its lead.
_NOT_CONTENT = frozenset({"nav", "footer", "template", "noscript", "button", "select", "script", "style"})
_NOT_PROSE = _NOT_CONTENT | {"header", "form", "aside", "figure", "figcaption", "blockquote", "label"}
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|^[\w.-]+\.[a-z]{2,}/", re.I)
#: "By", "Posted by", "Von", "Auteur :" and kin in front of a name.
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|edited|reported|text|words|story|photos?|veröffentlicht|geschrieben|"
    r"publié|écrit|publicado|escrito|scritto|pubblicato|opublikowano|napisane)\s+)?"
    r"(?:by|from|par|von|por|di|da|door|av|af|przez|от|автор|авторы|(?:about\s+the\s+)?author|autor|auteur|autore)"
    r"(?:\s*:\s*|\s+|$)",
    re.I,
)
_NAME_SPLIT = re.compile(r"(?<!\s)\s*(?:;|\s&\s|\s(?:and|und|et|y|e|i|и|oraz)\s)\s*", re.I)
#: The "By" that some publishers leave in structured author names (other prefixes could be names).
_BY_WORD = re.compile(r"^by\s*:?\s+", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w+")
#: A byline segment that only joins two names.
_CONNECTOR = re.compile(r"^(?:,|;|&|and|und|et|y|e|i|и|oraz)$", re.I)
#: Strong separators inside a byline: what follows is another item (date, section, role).
_BYLINE_SEP = re.compile(r"(?<!\s)\s*(?:[|·•/—–]|\s-\s|\n)\s*")
#: A month or weekday name glued to or trailing a name once the digits of a date are cut off.
_DATE_TAIL = re.compile(
    r"(?:(?<=[a-zà-ÿ])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-zä]*"
    r"|\b(?:on|am|le|el|il|at|um|the))\.?,?\s*$"
)
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$", re.I)
_JSON_COMMENT = re.compile(r"<!--|-->|^[^\S\n]*//[^\n]*$", re.M)
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Dates
_ISO_DATE = re.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
)
#: Already ISO 8601 (extended format): kept exactly as the page wrote it.
_STRICT_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$")
_SLASH_DATE = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})")
_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            "jan january janv janvier januar enero ene gennaio",
            "feb february fev fevr fevrier février februar febrero febbraio",
            "mar march mars märz marz marzo",
            "apr april avr avril abril aprile",
            "may mai mayo maggio",
            "jun june juin juni junio giugno",
            "jul july juil juillet juli julio luglio",
            "aug august aout août agosto",
            "sep sept september septembre septiembre settembre",
            "oct october octobre oktober octubre ottobre",
            "nov november novembre noviembre",
            "dec december déc decembre décembre dezember diciembre dicembre",
        ),
        start=1,
    )
    for name in names.split()
}
_DATE_WORDS = frozenset(
    [*_MONTHS, "am", "pm", "at", "utc", "gmt", "on", "updated", "published", "posted", "mon", "tue", "wed", "thu",
     "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_MONTH_WORD = r"(?P<mon>[^\W\d_]{3,10})\.?"
_TIME_PART = (
    r"(?:,?\s+(?:at\s+|um\s+|à\s+)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_DAY_MONTH_YEAR = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+" + _MONTH_WORD + r",?\s+(?P<y>\d{4})\b" + _TIME_PART, re.I)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH_WORD + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME_PART, re.I)

#: schema.org types of an article proper, and of other content a page can be about.
_ARTICLE_TYPES = re.compile(r"article|posting|report|review|liveblog|scholarly|opinion|analysis", re.I)
_CONTENT_TYPES = re.compile(
    r"creativework|recipe|howto|video|podcast|episode|chapter|book|movie|course|event|qapage|question", re.I
)
_PAGE_TYPES = re.compile(r"^(?:webpage|collectionpage|itempage|aboutpage|profilepage|searchresultspage)$", re.I)

# meta keys (lowercased, spaces removed) per field, best first
_TITLE_KEYS = ("dc:title", "dcterms:title", "dcterm:title", "og:title", "weibo:article:title",
               "weibo:webpage:title", "title", "twitter:title", "parsely-title", "sailthru.title")
_AUTHOR_KEYS = ("dc:creator", "dcterms:creator", "dcterm:creator", "author", "parsely-author",
                "sailthru.author", "article:author", "og:article:author", "citation_author",
                "byl")
_DESC_KEYS = ("dc:description", "dcterms:description", "dcterm:description", "og:description",
              "weibo:article:description", "weibo:webpage:description", "description",
              "twitter:description", "sailthru.description")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "parsely-pub-date",
              "datepublished", "published_time", "article.published", "publishdate", "publish-date",
              "publish_date", "pubdate", "pub_date", "date_published", "dc:date:issued",
              "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "dc:date:created",
              "sailthru.date", "citation_publication_date", "citation_date", "date", "release_date",
              "og:published_time")
#: Last resorts: when the page only says when it last changed.
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:android:app_name",
              "al:ios:app_name", "twitter:app:name:iphone")
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
               "thumbnail", "parsely-image-url", "sailthru.image.full")
_LANG_KEYS = ("content-language", "language", "dc:language", "dcterms:language", "og:locale")

#: Attributes that may mark a byline, in document order. Testing attribute nodes is
#: several times faster in libxml2 than testing every element (or walking them in
#: Python); the fragments are a case-tolerant prefilter for ``_BYLINE_HINT``. The
#: tests are most of the cost, as every class and id of the page takes them: ``string()``
#: reads the value without wrapping the attribute in a node-set first (as ``.`` does),
#: and the three fragments that share "ine" are tried only on the values that have it.
_HINT_TEST = (
    "contains(string(), 'uthor') or contains(string(), 'ritten') or contains(string(), 'ine')"
    " and (contains(string(), 'yline') or contains(string(), 'yLine') or contains(string(), 'ateline'))"
)
_BYLINE_XPATH = lxml.etree.XPath(
    f"$bodies//@class[{_HINT_TEST}] | $bodies//@id[{_HINT_TEST}]"
    " | $bodies//@rel[. = 'author'] | $bodies//@itemprop[contains(string(), 'uthor')]"
)
#: Paragraphs, and divs that hold running text of their own (pages that never use <p>).
_PARAGRAPH_XPATH = lxml.etree.XPath("$bodies//*[self::p or (self::div and text()[string-length(normalize-space()) > 20])]")
_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
#: Elements whose class or id calls them a date; ``_DATE_HINT`` confirms the word. As in
#: ``_BYLINE_XPATH``, values are read through ``string()`` and the date fragments are
#: tried only on the values that contain their shared "at".
_DATE_HINT_XPATH = lxml.etree.XPath(
    "$bodies//@class[contains(string(), 'at') and (contains(string(), 'date') or contains(string(), 'Date')"
    " or contains(string(), 'datum')) or contains(string(), 'publish')]"
    " | $bodies//@id[contains(string(), 'at') and (contains(string(), 'date') or contains(string(), 'Date'))"
    " or contains(string(), 'publish')]"
)
_DATE_HINT = Caseless(
    r"(?:^|[\s_-])(?:(?:entry|post|article|publish|pub|story|news)?[_-]?date|dateline|datum|published|pubdate|"
    r"timestamp|posted-on)(?:$|[\s_-])"
)
#: A date in a URL path: /2019/10/22/ or /2019-10-22-.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")
#: Code point ranges of scripts that (nearly) one language writes: (first, last, language).
_SCRIPTS = (
    (0x3040, 0x30FF, "ja"), (0x31F0, 0x31FF, "ja"), (0xAC00, 0xD7AF, "ko"), (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"), (0x0E00, 0x0E7F, "th"), (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"), (0x0530, 0x058F, "hy"), (0x10A0, 0x10FF, "ka"), (0x0980, 0x09FF, "bn"),
    (0x0A80, 0x0AFF, "gu"), (0x0B80, 0x0BFF, "ta"), (0x0C00, 0x0C7F, "te"), (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"), (0x1780, 0x17FF, "km"), (0x0E80, 0x0EFF, "lo"), (0x1000, 0x109F, "my"),
)
#: Letters below this one belong to no script of ``_SCRIPTS`` (Latin and the like).
_FIRST_SCRIPT = chr(min(low for low, _, _ in _SCRIPTS))
#: Microdata dates on elements other than <meta> and <time> (those two are read in the main walk).
_ITEMPROP_DATE_XPATH = lxml.etree.XPath("$bodies//@itemprop[contains(., 'datePublished')]")
_MAX_BYLINE_CANDIDATES = 200
_MAX_PARAGRAPHS = 60
_MAX_DESCRIPTION = 5000
#: How much of the page's first paragraph must be found in a kept block for the article to keep it.
_LEAD_PROBE = 60
_MAX_JSONLD_CHARS = 2_000_000
_MAX_JSONLD_NODES = 5_000

#: What the one walk of ``_collect`` looks at; it also finds the <body> that the body XPaths start from.
_WALKED_TAGS = ("meta", "link", "script", "title", "base", "h1", "h2", "time", "body")
_MAX_TIMES = 30


# --- public entry point ------------------------------------------------------------------


def extract_metadata(root: lxml.html.HtmlElement, url: str | None, *, lead: bool = True) -> Metadata:
    """Read the page's own description of itself from ``root`` without changing it.

    ``url`` is where the page came from; it resolves relative canonical and
    image links. Never raises for a parsed tree: a field that cannot be read
    cleanly is left empty. With ``lead=False`` a page that gives no
    description gets none here (rather than its first paragraph): the
    pipeline chooses one once it knows the article, see :func:`lead_description`.
    """
    try:
        found = _collect(root)
        return _decide(found, url or "", lead)
    except Exception:  # noqa: BLE001 - metadata is best effort; body extraction must still run
        return Metadata()


def page_lead(root: lxml.html.HtmlElement) -> str:
    """The page's first visible paragraph outside page chrome (read before any stage changes the tree)."""
    try:
        return _first_paragraph(list(root.iter("body")))
    except Exception:  # noqa: BLE001 - as extract_metadata: best effort
        return ""


def lead_description(lead: str, kept: Iterable[tuple[str, str]]) -> str:
    """The description of a page that gives none: its first paragraph, ``lead``, when the article keeps it.

    Otherwise the page opens with chrome that the article left out ("Not
    logged in", a wiki's tagline, a dateline set apart) and the article's own
    first paragraph describes it better. ``kept`` is the (kind, text) of each
    block the article keeps, in order; with no paragraph among them, ``lead``.
    """
    kept = list(kept)
    probe = lead[:_LEAD_PROBE]
    if probe and any(probe in text for _, text in kept):
        return lead
    return next((text[:_MAX_DESCRIPTION] for kind, text in kept if kind == "paragraph"), lead)


# --- collection: one walk over the tags that carry metadata ------------------------------


@dataclass
class _Found:
    """Everything the walks turned up, in document order, before any choice."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    named_meta: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    doc_title: str = ""
    headings: list[str] = field(default_factory=list)
    h1s: list[str] = field(default_factory=list)
    html_lang: str = ""
    base_href: str = ""
    times: list[str] = field(default_factory=list)
    item_dates: list[str] = field(default_factory=list)
    #: The <body> elements, met by the walk: the body XPaths start from them (``$bodies``),
    #: where ``//body`` would walk the whole tree again for each.
    bodies: list[lxml.html.HtmlElement] = field(default_factory=list)

    def values(self, key: str) -> list[str]:
        """The non-empty contents under ``key``: the ``property=`` ones (RDFa, Open Graph)
        when there are any, else the ``name=`` ones; pages that give both repeat themselves."""
        values = [v for v in self.meta.get(key, ()) if v]
        return values or [v for v in self.named_meta.get(key, ()) if v]

    def first(self, keys: Iterable[str]) -> str:
        """The first content found under ``keys``, tried in order: ``values(key)[0]`` without the lists."""
        for key in keys:
            for store in (self.meta, self.named_meta):
                for value in store.get(key, ()):
                    if value:
                        return value
        return ""


def _collect(root: lxml.html.HtmlElement) -> _Found:
    """Walk the tree once for head tags, headings, <time> and <body>."""
    tree_root = root.getroottree().getroot()
    found = _Found()
    lang = tree_root.get("lang") or tree_root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    found.html_lang = lang.strip()
    for el in tree_root.iter(*_WALKED_TAGS):
        tag = el.tag
        if tag == "meta":
            _collect_meta(el, found)
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            href = (el.get("href") or "").strip()
            if href:
                for r in rel:
                    found.links.setdefault(r, []).append(href)
        elif tag == "script":
            if "ld+json" in (el.get("type") or "").lower():
                found.jsonld.extend(_parse_jsonld(el.text or ""))
        elif tag == "title":
            if not found.doc_title and not _in_svg(el):
                found.doc_title = _clean(el.text_content())
        elif tag == "base":
            if not found.base_href:
                found.base_href = (el.get("href") or "").strip()
        elif tag in ("h1", "h2"):
            text = _clean(el.text_content())
            found.headings.append(text)
            if tag == "h1":
                found.h1s.append(text)
        elif tag == "time":
            value = (el.get("datetime") or "").strip()
            if "datepublished" in (el.get("itemprop") or "").lower() or el.get("pubdate") is not None:
                found.item_dates.append(value or _clean(el.text_content()))
            elif value and len(found.times) < _MAX_TIMES and _visible_in_article(el):
                found.times.append(value)
        elif tag == "body":
            found.bodies.append(el)
    return found


def _in_bodies(xpath: lxml.etree.XPath, bodies: list[lxml.html.HtmlElement]) -> list[Any]:
    """What ``xpath`` (written from ``$bodies``) selects under the page's <body> elements."""
    return xpath(bodies[0], bodies=bodies) if bodies else []


def _collect_meta(el: lxml.html.HtmlElement, found: _Found) -> None:
    """File one <meta> under each of its keys; ``property=`` and ``name=`` kept apart."""
    content = el.get("content")
    if content is None:
        content = el.get("value") or ""
        if el.get("charset") is not None:
            return
    content = _clean(content)
    content = _unescape(content)
    for attr in ("property", "name", "itemprop", "http-equiv"):
        raw = el.get(attr)
        if not raw:
            continue
        store = found.meta if attr == "property" else found.named_meta
        for word in raw.split():
            key = _meta_key(word)
            store.setdefault(key, []).append(content)
            if key in ("datepublished", "datecreated") and content:
                found.item_dates.append(content)


def _meta_key(raw: str) -> str:
    """A <meta> key as compared: lowercase, Dublin Core's dots as colons (DC.title -> dc:title)."""
    key = raw.strip().lower()
    if key.startswith(("dc.", "dcterms.", "dcterm.")):
        key = key.replace(".", ":")
    return key


def _body_byline(bodies: list[lxml.html.HtmlElement]) -> tuple[str, list[str]]:
    """The first visible byline-like element in the body, as readers see it, and the names in it.

    ("", []) when there is none. Costly (an XPath over every class and id of
    the page), so asked only when nothing structured names the author.
    """
    count = 0
    previous = None
    for attr in _in_bodies(_BYLINE_XPATH, bodies):
        el = attr.getparent()
        if el is previous or el is None or el.tag in ("meta", "link", "script", "style"):
            continue
        previous = el
        if not (
            el.get("rel") == "author"
            or "author" in (el.get("itemprop") or "")
            or _BYLINE_HINT.found_in(f"{el.get('class') or ''} {el.get('id') or ''}")
        ):
            continue
        count += 1
        if count > _MAX_BYLINE_CANDIDATES:
            break
        pieces, too_long = _text_pieces(el, 100)
        text = "".join(pieces).strip()
        if not text or too_long or _is_date_only(text) or not _visible_in_article(el):
            continue
        names = [
            _clean(n.get("content") if n.tag == "meta" else n.text_content())
            for n in el.iter()
            if isinstance(n.tag, str) and "name" in (n.get("itemprop") or "").lower()
        ]
        byline = names[0] if names and names[0] else text
        return byline, [n for n in names if n] or _names_from_byline(pieces)
    return "", []


def _first_paragraph(bodies: list[lxml.html.HtmlElement]) -> str:
    """The first visible paragraph outside page chrome: the description of last resort."""
    for count, el in enumerate(_in_bodies(_PARAGRAPH_XPATH, bodies)):
        if count >= _MAX_PARAGRAPHS:
            break
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _BYLINE_HINT.found_in(hint):
            continue
        text = _clean("".join(_text_pieces(el, _MAX_DESCRIPTION)[0]))
        if text and _visible_in_article(el, _NOT_PROSE):
            return text
    return ""


def _text_pieces(el: lxml.html.HtmlElement, limit: int) -> tuple[list[str], bool]:
    """The text nodes of ``el`` outside scripts and styles, and whether its trimmed text reaches ``limit``.

    The walk is lazy and stops as soon as the trimmed text is that long, so
    asking whether a wrapper of the whole page is short enough to be a byline
    costs no more than its first ``limit`` characters.
    """
    pieces: list[str] = []
    pos, first, last = 0, -1, -1  # raw length so far; where the non-space text starts and ends
    walker = lxml.etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            if node.tag in _NO_TEXT_TAGS:
                walker.skip_subtree()
                continue
            piece = node.text
        else:
            piece = node.tail if node is not el else None
        if not piece:
            continue
        pieces.append(piece)
        stripped = piece.strip()
        if stripped:
            if first < 0:
                first = pos + piece.index(stripped[0])
            last = pos + piece.rindex(stripped[-1])
            if last - first + 1 >= limit:
                return pieces, True
        pos += len(piece)
    return pieces, False


def _is_date_only(text: str) -> bool:
    """True for a dateline such as "Sunday, Feb 1, 2015 11:57 AM UTC": no name in it."""
    if not normalize_date(text):
        return False
    rest = [w for w in _WORD.findall(text.casefold()) if not w.isdigit() and w not in _DATE_WORDS]
    return not rest


def _visible_in_article(el: lxml.html.HtmlElement, skip_tags: frozenset[str] = _NOT_CONTENT) -> bool:
    """False for hidden elements and for those inside comments, menus and sidebars."""
    node: lxml.html.HtmlElement | None = el
    depth = 0
    while node is not None and depth < 64:
        if not isinstance(node.tag, str):
            return False
        if node.tag in ("body", "html"):
            return True
        if is_hidden(node.attrib):
            return False
        if (node.get("role") or "").lower() in _UNLIKELY_ROLES:
            return False
        if node.tag in skip_tags:
            return False
        if node is not el and _unlikely_container(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return False
        node = node.getparent()
        depth += 1
    return True


def _unlikely_container(hint: str) -> bool:
    """True when a class-and-id ``hint`` names page chrome and not content."""
    return _UNLIKELY.found_in(hint) and not _MAYBE_CONTENT.found_in(hint)


def _in_svg(el: lxml.html.HtmlElement) -> bool:
    """True for an SVG's own <title>, which names a drawing, not the page."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in ("svg", "{http://www.w3.org/2000/svg}svg"):
            return True
        if parent.tag in ("head", "body"):
            return False
        parent = parent.getparent()
    return False


# --- JSON-LD, tolerant -------------------------------------------------------------------


def _parse_jsonld(text: str) -> list[dict[str, Any]]:
    """Every JSON object in one ld+json script, flattened; [] when nothing parses."""
    if not text.strip() or len(text) > _MAX_JSONLD_CHARS:
        return []
    text = _CDATA.sub("", text)
    values, complete = _decode_all(text)
    if not complete:
        repaired, _ = _decode_all(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", _JSON_COMMENT.sub("", text))))
        if len(repaired) > len(values):
            values = repaired
    nodes: list[dict[str, Any]] = []
    for value in values:
        _flatten(value, nodes, 0)
    return nodes


def _decode_all(text: str) -> tuple[list[Any], bool]:
    """Decode JSON values laid end to end (some pages concatenate them); and whether all parsed."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values, False
        values.append(value)
    return values, True


def _flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    """Collect typed nodes from lists, ``@graph`` and ``mainEntity``, with depth and count capped."""
    if depth > 6 or len(out) >= _MAX_JSONLD_NODES:
        return
    if isinstance(value, list):
        for item in value:
            _flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, (list, dict)):
            _flatten(graph, out, depth + 1)
        if "@type" in value or "headline" in value:
            out.append(value)
        main = value.get("mainEntity")
        if isinstance(main, dict) and "@type" in main:
            _flatten(main, out, depth + 1)


def _types(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values without any vocabulary prefix."""
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return [t.rsplit("/", 1)[-1] for t in items if isinstance(t, str)]


def _is_article(node: dict[str, Any]) -> bool:
    """True for articles, blog posts, reports, reviews and other written pieces."""
    return any(_ARTICLE_TYPES.search(t) for t in _types(node))


def _is_content(node: dict[str, Any]) -> bool:
    """True for other things a page can be about: videos, recipes, books, events."""
    return any(_CONTENT_TYPES.search(t) for t in _types(node))


def _is_page(node: dict[str, Any]) -> bool:
    """True for nodes that describe the web page as such (WebPage and its kinds)."""
    return any(_PAGE_TYPES.match(t) for t in _types(node))


def _ld_first(value: Any, leaf: Callable[[Any], str], keys: tuple[str, ...]) -> str:
    """The first non-empty ``leaf`` of a JSON-LD value: lists give their first hit, objects their first key present."""
    if isinstance(value, list):
        return next((found for item in value if (found := _ld_first(item, leaf, keys))), "")
    if isinstance(value, dict):
        key = next((key for key in keys if key in value), None)
        return _ld_first(value[key], leaf, keys) if key is not None else ""
    return leaf(value)


def _text_leaf(value: Any) -> str:
    if isinstance(value, str):
        return _clean(_unescape(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _ld_text(value: Any) -> str:
    """A plain string out of a JSON-LD value that may be a string, list or {"@value"}."""
    return _ld_first(value, _text_leaf, ("@value", "name", "text"))


def _deref(value: Any, ids: dict[str, dict[str, Any]]) -> Any:
    """The node that a bare ``{"@id": ...}`` reference points to, when the page defines it."""
    if isinstance(value, dict) and "name" not in value:
        ref = value.get("@id")
        if isinstance(ref, str) and ref in ids:
            return ids[ref]
    return value


def _ld_names(value: Any, ids: dict[str, dict[str, Any]], depth: int = 0) -> list[str]:
    """Person or organisation names out of an ``author``-like JSON-LD value."""
    if depth > 4:
        return []
    value = _deref(value, ids)
    if isinstance(value, str):
        text = _clean(_unescape(value))
        return [] if not text or _URLISH.match(text) else [text]
    if isinstance(value, list):
        return [n for item in value for n in _ld_names(item, ids, depth + 1)]
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and ("givenName" in value or "familyName" in value):
            name = f"{_ld_text(value.get('givenName'))} {_ld_text(value.get('familyName'))}"
        return _ld_names(name, ids, depth + 1) if name is not None else []
    return []


def _ld_url(value: Any) -> str:
    """A URL out of a JSON-LD value that may be a string, a list or an ImageObject."""
    return _ld_first(value, lambda leaf: leaf.strip() if isinstance(leaf, str) else "", ("url", "contentUrl", "@id"))


# --- decisions, field by field -----------------------------------------------------------


def _decide(found: _Found, url: str, lead: bool) -> Metadata:
    """Choose each field from what was collected, best source first."""
    articles = [n for n in found.jsonld if _is_article(n)]
    articles += [n for n in found.jsonld if not _is_article(n) and _is_content(n)]
    pages = [n for n in found.jsonld if _is_page(n)]
    ids = {n["@id"]: n for n in found.jsonld if isinstance(n.get("@id"), str)}
    main = _main_node(articles, found)
    # The main node speaks first; the page's other nodes fill what it leaves out.
    nodes: list[dict[str, Any]] = []
    seen: set[int] = set()
    for node in (main, *(a for a in articles if _is_article(a)), *pages):
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            nodes.append(node)
    base = _base_url(found, url)
    title = _title(found, main)
    authors, byline = _authors(found, main, ids)
    return Metadata(
        title=title,
        byline=byline,
        authors=authors,
        published=_published(found, nodes, url),
        site_name=_site_name(found, main, title, ids),
        lang=_lang(found, f"{title} {found.doc_title} {found.first(_DESC_KEYS)}"),
        description=_description(found, main, pages, lead),
        url=_canonical(found, base),
        image=_image(found, nodes, base),
    )


def _main_node(articles: list[dict[str, Any]], found: _Found) -> dict[str, Any] | None:
    """The JSON-LD node about this page: the first, unless a later one is clearly it.

    Pages that also describe teasers, videos or related stories in JSON-LD
    list them in any order; the page's own node shares its headline with the
    page's title. A node that is not an article (a video, a recipe) speaks
    for the page only when it has the page's title: an embedded clip does not.
    """
    if not articles:
        return None
    page_title = found.first(("og:title", "twitter:title")) or found.doc_title

    def likeness(node: dict[str, Any]) -> float:
        return max(_similar(_ld_text(node.get(k)), page_title) for k in ("headline", "name"))

    if not _is_article(articles[0]):
        for node in articles:
            name = _ld_text(node.get("headline")) or _ld_text(node.get("name"))
            if name and (_similar(page_title, name) >= 0.8 or _similar(name, page_title) >= 0.5):
                return node
        return None
    if len(articles) < 2 or not page_title:
        return articles[0]
    best = max(articles, key=likeness)
    return best if likeness(best) > likeness(articles[0]) + 0.3 else articles[0]


def _title(found: _Found, main: dict[str, Any] | None) -> str:
    """The page's own headline: structured titles first, else the cleaned <title>."""
    if main is not None:
        headline = _ld_text(main.get("headline"))
        name = _ld_text(main.get("name"))
        if headline and name and headline != name:
            # Some publishers put a tagline in one of the two: take the one
            # that resembles what the page calls itself.
            doc = _strip_site(found.doc_title, found) or found.doc_title
            return headline if _similar(headline, doc) > _similar(name, doc) else name
        if headline or name:
            return headline or name
    meta_title = found.first(_TITLE_KEYS)
    if meta_title:
        return meta_title
    if found.doc_title:
        return _strip_site(found.doc_title, found) or found.doc_title
    return next((h for h in found.h1s if h), "")


def _strip_site(title: str, found: _Found) -> str:
    """``title`` without the site name that pages add to the headline.

    "Headline | Site" and "Site » Headline" give "Headline" (cut at the last
    separator, or after the first when what precedes is under three words);
    "Site: Headline" gives "Headline" unless a heading of the page spells the
    whole title. When the cut leaves four words or fewer the title is kept
    whole: a short remainder is more often a mangled headline than a clean one.
    """
    title = _clean(title)
    if not title:
        return ""
    if title in found.headings:
        return title
    had_hierarchy = bool(_HIERARCHY_SEP.search(title))
    seps = list(_TITLE_SEP.finditer(title))
    result = title
    if seps:
        head = title[: seps[-1].start()]
        if _word_count(head) < 3:
            first = seps[0]
            head = title[first.end():]
        result = head
    elif ": " in title:
        tail = title[title.rfind(":") + 1:]
        if _word_count(tail) < 3:
            tail = title[title.find(":") + 1:]
        elif _word_count(title[: title.find(":")]) > 5:
            tail = title
        result = tail
    elif (len(title) < 15 or len(title) > 150) and len(found.h1s) == 1:
        # "Home" or a paragraph-long <title>: the page's one main heading says it better.
        result = found.h1s[0]
    result = _clean(result)
    words = _word_count(result)
    if words <= 4 and (not had_hierarchy or words != _word_count(_SEP_CHARS.sub("", title)) - 1):
        return title
    return result


def _authors(found: _Found, main: dict[str, Any] | None,
             ids: dict[str, dict[str, Any]]) -> tuple[tuple[str, ...], str]:
    """The author names and the byline; a structured byline is the names, comma-joined."""
    names: list[str] = []
    if main is not None:
        names = _ld_names(main.get("author"), ids) or _ld_names(main.get("creator"), ids)
    if not names:
        for key in _AUTHOR_KEYS:
            values = [v for v in found.values(key) if not _URLISH.match(v) and v[0] != "@"]
            if values:
                names = values
                break
    names = _dedupe(_BY_WORD.sub("", n) for n in names)
    if names:
        authors = _dedupe(n for name in names for n in _split_names(name))
        return tuple(authors), ", ".join(names)
    byline, body_authors = _body_byline(found.bodies)
    if byline:
        return tuple(_dedupe(body_authors)), byline
    return (), ""


def _names_from_byline(texts: Iterable[str]) -> list[str]:
    """Names out of a byline's text pieces, e.g. "By", "Jane Doe", "and", "John Roe", "· May 3".

    Reads the pieces in order, skipping a leading prefix and date, and stops at
    the first piece after a name that does not join another name to it.
    """
    names: list[str] = []
    want_more = True
    for piece in (p for text in texts for p in _BYLINE_SEP.split(text)):
        piece = _clean(piece)
        if not piece:
            continue
        if _CONNECTOR.match(piece):
            want_more = bool(names)
            continue
        if names and not want_more:
            break
        digit = next((i for i, ch in enumerate(piece) if ch.isdigit()), -1)
        if digit >= 0:
            piece = _DATE_TAIL.sub("", piece[:digit].rstrip(" ,.:;"))
        piece = _BY_PREFIX.sub("", _HANDLE.sub("", piece)).strip(" ,.:;|-")
        if not piece or not any(ch.isalpha() for ch in piece):
            continue
        names.extend(p for p in _split_names(piece) if "://" not in p and _word_count(p) <= 5)
        want_more = bool(re.search(r"(?:,|&|\s(?:and|und|et|y))\s*$", piece, re.I))
        if digit >= 0:
            break
    return _dedupe(names)


def _split_names(text: str) -> list[str]:
    """"A and B", "A & B", "A; B" and "Ann Lee, Bo Park" as separate names.

    Commas split only when every part has two words or more, so that
    "Doe, Jane" and "Kooman, F." stay one name each.
    """
    parts = _NAME_SPLIT.split(text)
    if any(len(part.strip(" .:|,")) < 3 for part in parts):
        return [text.strip(" .:|,")] if text.strip(" .:|,") else []  # "Mac & i" is one brand, not two people
    names: list[str] = []
    for part in parts:
        pieces = [p.strip(" .:|") for p in part.split(",")]
        if len(pieces) > 1 and all(_word_count(p) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part.strip(" .:|,"))
    return [n for n in names if n]


def _published(found: _Found, nodes: list[dict[str, Any]], url: str) -> str:
    """The first publication date a source gives, as ISO 8601."""
    for value in _date_candidates(found, nodes, url):
        date = normalize_date(value) if value else ""
        if date:
            return date
    return ""


def _date_candidates(found: _Found, nodes: list[dict[str, Any]], url: str) -> Iterator[str]:
    """Dates best first; the visible and URL ones are only looked for when nothing better exists."""
    yield from (_ld_text(node.get("datePublished")) for node in nodes[:1])
    yield from (found.first((k,)) for k in _DATE_KEYS[:3])
    yield from (_ld_text(node.get("datePublished")) for node in nodes[1:])
    yield from found.item_dates
    yield from _microdata_dates(found.bodies)
    yield from (found.first((k,)) for k in _DATE_KEYS[3:])
    yield from (_ld_text(node.get("dateCreated")) for node in nodes)
    yield from found.times
    yield _visible_date(found.bodies)
    for address in (*found.links.get("canonical", ()), *found.values("og:url"), url):
        match = _URL_DATE.search(address)
        if match:
            year, month, day = match.groups()
            yield f"{year}-{int(month):02d}-{int(day):02d}"
    yield from (_ld_text(node.get("dateModified")) for node in nodes)
    yield from (found.first((k,)) for k in _MODIFIED_KEYS)


def _microdata_dates(bodies: list[lxml.html.HtmlElement]) -> Iterator[str]:
    """``itemprop=datePublished`` on elements other than <meta> and <time> (those are read in the main walk)."""
    for attr in _in_bodies(_ITEMPROP_DATE_XPATH, bodies)[:_MAX_TIMES]:
        el = attr.getparent()
        if el is not None and el.tag not in ("meta", "time"):
            yield el.get("content") or el.get("datetime") or _clean(el.text_content())


def _visible_date(bodies: list[lxml.html.HtmlElement]) -> str:
    """The text of the first dateline-like element that reads as a date, outside page chrome."""
    seen = 0
    for attr in _in_bodies(_DATE_HINT_XPATH, bodies):
        el = attr.getparent()
        if el is None or not _DATE_HINT.found_in(attr):
            continue
        seen += 1
        if seen > _MAX_TIMES:
            break
        pieces, too_long = _text_pieces(el, 81)
        text = _clean("".join(pieces))
        if text and not too_long and normalize_date(text) and _visible_in_article(el):
            return text
    return ""


def _site_name(found: _Found, main: dict[str, Any] | None, title: str, ids: dict[str, dict[str, Any]]) -> str:
    """Who publishes the page: structured names first, else what the <title> adds to the headline."""
    if main is not None:
        for key in ("publisher", "sourceOrganization", "provider"):
            name = _ld_text(_deref(main.get(key), ids))
            if name:
                return name
    name = found.first(_SITE_KEYS[:1])
    if name:
        return name
    for node in found.jsonld:
        if "WebSite" in _types(node):
            name = _ld_text(node.get("name"))
            if name:
                return name
    return found.first(_SITE_KEYS[1:]) or _site_from_title(found.doc_title, [title, *found.h1s])


def _site_from_title(doc_title: str, headlines: list[str]) -> str:
    """"Site" from "Headline | Site" or "Site: Headline", when the other part is a known headline."""
    known = {fold for fold in (h.casefold() for h in headlines) if fold}
    if not known:
        return ""
    for match in _SITE_SEP.finditer(doc_title):
        head, tail = _clean(doc_title[: match.start()]), _clean(doc_title[match.end():])
        if head.casefold() in known and 0 < _word_count(tail) <= 6:
            return tail
        if tail.casefold() in known and 0 < _word_count(head) <= 6:
            return head
    return ""


def _lang(found: _Found, sample: str) -> str:
    """The declared language; undeclared, the one a script used by a single language gives away."""
    for raw in (found.html_lang, *(found.first((k,)) for k in _LANG_KEYS)):
        lang = normalize_lang(raw)
        if lang:
            return lang
    return _lang_from_script(sample)


def _lang_from_script(text: str) -> str:
    """"ja" for kana, "ko" for hangul, "zh" for Han alone, and so on; "" for shared scripts (Latin, Cyrillic)."""
    sample = text[:2000]
    if max(sample, default="") < _FIRST_SCRIPT:
        return ""  # no character of those scripts (or no text): nothing to count
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        if ch < _FIRST_SCRIPT:
            continue
        code = ord(ch)
        for low, high, lang in _SCRIPTS:
            if low <= code <= high:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not letters or not counts:
        return ""
    if counts.get("ja", 0) >= 0.05 * letters:  # Japanese mixes kana into Han text
        return "ja"
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count >= 0.5 * letters else ""


def _description(found: _Found, main: dict[str, Any] | None, pages: list[dict[str, Any]], lead: bool) -> str:
    """The page's summary of itself; its first prose paragraph when it gives none (and ``lead`` asks for it)."""
    if main is not None:
        text = _ld_text(main.get("description"))
        if text:
            return text
    text = found.first(_DESC_KEYS)
    if text:
        return text
    for node in pages:
        text = _ld_text(node.get("description"))
        if text:
            return text
    return _first_paragraph(found.bodies) if lead else ""


def _base_url(found: _Found, url: str) -> str:
    """What relative links resolve against: <base href> (itself resolved) or the page's URL."""
    if found.base_href:
        joined = _join(url, found.base_href)
        if joined:
            return joined
    return url


def _canonical(found: _Found, base: str) -> str:
    """The page's own address: <link rel=canonical>, else og:url."""
    for value in (*found.links.get("canonical", ()), *found.values("og:url")):
        joined = _join(base, value)
        if joined:
            return joined
    return ""


def _image(found: _Found, nodes: list[dict[str, Any]], base: str) -> str:
    """The lead image: Open Graph and Twitter cards, then JSON-LD, then <link rel=image_src>."""
    candidates: list[str] = []
    for key in _IMAGE_KEYS:
        candidates.extend(found.values(key))
    for node in nodes:
        candidates.append(_ld_url(node.get("image")))
        candidates.append(_ld_url(node.get("thumbnailUrl")))
    candidates.extend(found.links.get("image_src", ()))
    for value in candidates:
        joined = _join(base, value) if value else ""
        if joined:
            return joined
    return ""


# --- normalisers -------------------------------------------------------------------------


def normalize_lang(raw: str | None) -> str:
    """The BCP 47 primary language subtag, lowercase: "en-US" and "en_GB" give "en"."""
    if not raw:
        return ""
    value = raw.strip().split(",")[0].strip()
    match = _LANG.match(value)
    if not match:
        return ""
    primary = match.group(1).lower()
    return "" if primary in ("und", "mul", "zxx", "xx") else primary


def normalize_date(raw: str | None) -> str:
    """An ISO 8601 form of a date as pages write it; "" when it is not a plausible date.

    A value that already is ISO 8601 comes back as written. Others keep the
    time and the zone when given ("2020-01-02T03:04:05+01:00"), or give a bare
    date when only the day is known ("2020-01-02"). Understands ISO and
    near-ISO, RFC 2822, Unix timestamps, and "12 March 2020" / "March 12, 2020"
    in several languages.
    """
    if not raw:
        return ""
    text = _clean(raw)[:200]
    if not text:
        return ""
    if text.isdigit() and len(text) in (10, 13):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        try:
            return _iso(datetime.fromtimestamp(seconds, tz=timezone.utc), with_time=True)
        except (OverflowError, OSError, ValueError):
            return ""
    match = _ISO_DATE.search(text)
    if match:
        normal = _from_iso_match(match)
        return text if normal and _STRICT_ISO.match(text) else normal
    if "," in text[:5] or re.search(r"\d{1,2}:\d{2}:\d{2}\s+(?:[+-]\d{4}|[A-Z]{2,4})\s*$", text):
        try:
            return _iso(parsedate_to_datetime(text), with_time=True)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.search(text)
        if match:
            month = _MONTHS.get(match.group("mon").lower().rstrip("."))
            if month:
                return _from_parts(match, month)
    match = _SLASH_DATE.search(text)
    if match:
        return _build(int(match["y"]), int(match["m"]), int(match["d"]))
    return ""


def _from_iso_match(match: re.Match[str]) -> str:
    """ISO-like fields to an ISO 8601 string, validated."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if match["H"] is None:
        return _build(year, month, day)
    tz = _zone(match["tz"])
    fraction = int((match["f"] or "0")[:6].ljust(6, "0"))
    return _build(year, month, day, int(match["H"]), int(match["M"]), int(match["S"] or 0), fraction, tz,
                  with_time=True)


def _from_parts(match: re.Match[str], month: int) -> str:
    """Day, month name, year and an optional 12- or 24-hour time to ISO 8601."""
    year, day = int(match["y"]), int(match["d"])
    if match["H"] is None:
        return _build(year, month, day)
    hour = int(match["H"])
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return _build(year, month, day, hour, int(match["M"]), int(match["S"] or 0), tz=_zone(match["tz"]),
                  with_time=True)


def _zone(raw: str | None) -> timezone | None:
    """A fixed offset from "Z", "UTC", "+0100" or "-05:00"; None when absent or impossible."""
    if not raw:
        return None
    if raw in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
           micro: int = 0, tz: timezone | None = None, *, with_time: bool = False) -> str:
    """A validated ISO 8601 date or date-time; "" for impossible or implausible values."""
    if not 1000 <= year <= 2200:
        return ""
    try:
        value = datetime(year, month, day, hour, minute, min(second, 59), micro, tzinfo=tz)
    except ValueError:
        return ""
    return _iso(value, with_time=with_time)


def _iso(value: datetime, *, with_time: bool) -> str:
    """Format a datetime as a bare date or a full date-time, within plausible years."""
    if not 1000 <= value.year <= 2200:
        return ""
    if not with_time:
        return value.date().isoformat()
    return value.isoformat()


# --- small helpers -----------------------------------------------------------------------


def _clean(text: str | None) -> str:
    """Controls and lone surrogates out (JSON-LD escapes can carry them), whitespace collapsed, trimmed."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text:
        # Most values: no controls, no whitespace but single spaces (all other is unprintable), so
        # nothing for clean_text or the collapse to replace.
        return text.strip()
    return _WS.sub(" ", clean_text(text)).strip()


def _unescape(text: str) -> str:
    """Decode entities that pages escaped twice (``&amp;amp;``) in attribute values."""
    return html.unescape(text) if "&" in text else text


def _word_count(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


def _similar(a: str, b: str) -> float:
    """How much of ``b`` (by characters of its words) is made of words of ``a``: 0 to 1."""
    words_a = set(_WORD.findall(a.casefold()))
    words_b = _WORD.findall(b.casefold())
    total = sum(len(w) for w in words_b)
    if not total:
        return 0.0
    return sum(len(w) for w in words_b if w in words_a) / total


def _dedupe(items: Iterable[str]) -> list[str]:
    """Drop case-insensitive repeats and empties, keeping the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _join(base: str, href: str) -> str:
    """``href`` made absolute against ``base``; "" unless the result is http(s)."""
    href = href.strip()
    if not href or href.startswith(("data:", "javascript:", "#")):
        return ""
    try:
        joined = urljoin(base, href) if base else href
        parts = urlsplit(joined)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return joined

