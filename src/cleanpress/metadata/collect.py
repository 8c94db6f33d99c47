"""The one walk over the tags that carry metadata, and the body searches' shared tests.

``collect`` gathers every candidate value in document order (``Found``) before
any choice is made; ``visible_in_article`` and ``text_pieces`` tell the byline,
date and description searches what a reader of the article sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.etree
import lxml.html

from ..rules.structural import is_hidden
from ..textutil import Caseless
from .jsonld import parse_jsonld
from .text import clean, unescape

#: Byline-like class or id words (as readers' tools conventionally look for them).
BYLINE_HINT = Caseless(r"byline|author|dateline|writtenby|p-author")

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

#: Paragraphs, and divs that hold running text of their own (pages that never use <p>).
_PARAGRAPH_XPATH = lxml.etree.XPath("$bodies//*[self::p or (self::div and text()[string-length(normalize-space()) > 20])]")
_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})

_MAX_PARAGRAPHS = 60
MAX_DESCRIPTION = 5000

#: What the one walk of ``collect`` looks at; it also finds the <body> that the body XPaths start from.
_WALKED_TAGS = ("meta", "link", "script", "title", "base", "h1", "h2", "time", "body")
MAX_TIMES = 30


@dataclass
class Found:
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


def collect(root: lxml.html.HtmlElement) -> Found:
    """Walk the tree once for head tags, headings, <time> and <body>."""
    tree_root = root.getroottree().getroot()
    found = Found()
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
                found.jsonld.extend(parse_jsonld(el.text or ""))
        elif tag == "title":
            if not found.doc_title and not _in_svg(el):
                found.doc_title = clean(el.text_content())
        elif tag == "base":
            if not found.base_href:
                found.base_href = (el.get("href") or "").strip()
        elif tag in ("h1", "h2"):
            text = clean(el.text_content())
            found.headings.append(text)
            if tag == "h1":
                found.h1s.append(text)
        elif tag == "time":
            value = (el.get("datetime") or "").strip()
            if "datepublished" in (el.get("itemprop") or "").lower() or el.get("pubdate") is not None:
                found.item_dates.append(value or clean(el.text_content()))
            elif value and len(found.times) < MAX_TIMES and visible_in_article(el):
                found.times.append(value)
        elif tag == "body":
            found.bodies.append(el)
    return found


def in_bodies(xpath: lxml.etree.XPath, bodies: list[lxml.html.HtmlElement]) -> list[Any]:
    """What ``xpath`` (written from ``$bodies``) selects under the page's <body> elements."""
    return xpath(bodies[0], bodies=bodies) if bodies else []


def _collect_meta(el: lxml.html.HtmlElement, found: Found) -> None:
    """File one <meta> under each of its keys; ``property=`` and ``name=`` kept apart."""
    content = el.get("content")
    if content is None:
        content = el.get("value") or ""
        if el.get("charset") is not None:
            return
    content = clean(content)
    content = unescape(content)
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


def first_paragraph(bodies: list[lxml.html.HtmlElement]) -> str:
    """The first visible paragraph outside page chrome: the description of last resort."""
    for count, el in enumerate(in_bodies(_PARAGRAPH_XPATH, bodies)):
        if count >= _MAX_PARAGRAPHS:
            break
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if BYLINE_HINT.found_in(hint):
            continue
        text = clean("".join(text_pieces(el, MAX_DESCRIPTION)[0]))
        if text and visible_in_article(el, _NOT_PROSE):
            return text
    return ""


def text_pieces(el: lxml.html.HtmlElement, limit: int) -> tuple[list[str], bool]:
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


def visible_in_article(el: lxml.html.HtmlElement, skip_tags: frozenset[str] = _NOT_CONTENT) -> bool:
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
