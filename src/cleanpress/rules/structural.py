"""Structural rules: what an element's role, class, id and attributes say (``struct.class-*``, ``struct.role``).

These run in the prune stage's single walk over the tree. Keyword tables are
data: each kind lists the class/id words that mark it. Words in ``_PARTS``
match one dash/underscore/camelCase part of a class or id ("article-share-
bar" has the part "share"); words in ``_TOKENS`` must be a whole class or id
("hidden" but not "hidden-xs", which only hides on phones).

The guards that keep an element although a rule names it are here too: the
size guard (``protected``: an element holding much of the page's prose is the
article, whatever its tag, role or class say), the limits of the kinds that
only name small things (``too_big``) and the lone unlinked "teaser", which is
the article's own lead (``unlinked_teaser``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from lxml.html import HtmlElement

from .. import thresholds as t
from ..textutil import Caseless, collapse, link_chars, prose_chars
from .catalogue import register

# kind -> words that mark it as a part of a class/id
_PARTS: dict[str, tuple[str, ...]] = {
    "navigation": ("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "masthead",
                   "pagination", "pager", "skiplink", "topbar", "toolbar", "tags", "tagcloud", "taglist", "topics",
                   "sidebar", "widget", "widgets", "jump", "toc", "skip-link", "tag-list",
                   "tag-cloud", "site-header", "top-bar"),
    "support-banner": ("donate", "donation", "donations", "contribute", "contribution", "contributions", "membership",
                       "supporter", "epic", "support"),
    "subscription-prompt": ("subscribe", "subscription", "subscriptions", "signup", "regwall", "registration", "login", "sign-up",
                            "promo", "upsell", "cta", "offer", "modal", "popup", "overlay", "interstitial"),
    "newsletter-signup": ("newsletter", "newsletters", "mailinglist", "optin", "emailsignup", "mailing-list", "opt-in", "email-signup"),
    "paywall": ("paywall", "piano", "premium", "meter", "metered", "tp"),
    "read-more": ("readmore", "continue", "read-more", "continue-reading"),
    "related-links": ("related", "recommended", "recommendation", "recommendations", "trending", "popular", "mostread",
                      "outbrain", "taboola", "teaser", "teasers", "morestories", "suggested", "also", "next", "prev",
                      "previous", "rail", "more-stories", "most-read", "most-popular", "related-posts",
                      "read-next", "further-reading", "relatedposts", "relatedarticles", "relatedstories",
                      "relatedcontent", "relatedlinks", "relateditems", "relatednews"),
    "share-bar": ("share", "sharing", "social", "sharebar", "sharethis", "addthis", "follow", "socials", "print",
                  "partage", "partager", "condividi", "compartir", "teilen", "udostepnij"),
    "cookie-notice": ("cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "cookiebanner", "rodo", "rgpd", "dsgvo"),
    "advertisement": ("ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt",
                      "sponsor", "sponsored", "banner", "commercial", "affiliate", "ad-slot", "ad-label", "disclosure"),
    "comments": ("comment", "comments", "disqus", "respond", "discussion", "replies", "reply", "kommentare",
                 "commentaires", "comentarios"),
    "image-credit": ("credit", "credits", "copyright", "photographer"),
    "footer": ("footer", "colophon", "legal", "imprint", "impressum"),
    "widget": ("rating", "ratings", "stars", "votes", "voting", "call-to-action", "btn", "button", "buttons", "copy-link",
               "print-button", "tooltip"),
    "metadata": ("byline", "dateline", "meta", "author", "authors", "bio", "timestamp", "date", "published",
                 "updated", "headline", "kicker", "eyebrow", "rubric", "overline", "author-bio", "about-author",
                 # WordPress themes' post footers: categories, tags, date ("postmetadata", "entry-utility", "post-info")
                 "postmetadata", "postmeta", "postinfo", "post-info", "entry-utility",
                 "saboxplugin"),  # Simple Author Box, a widespread WordPress plugin
}
# kind -> words that must be a whole class or id
_TOKENS: dict[str, tuple[str, ...]] = {
    "hidden": ("hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
               "screenreader-only", "invisible", "d-none", "offscreen", "print-only", "noscript"),
}
# Words that mark content; with enough text they protect an element whose
# class also names chrome ("post-content share-enabled").
_CONTENT_WORDS = re.compile(r"(?:^|[\s_-])(?:article|body|content|entry|main|post|story|text|prose|blog)(?:$|[\s_-])")

# Where a camelCase word turns: a lookaround, so the substitution inserts a literal "-" (no template to expand).
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Parts of a class/id that name a picture gallery or slideshow: its text is picture captions.
_GALLERY_PARTS = frozenset({"gallery", "galleries", "slideshow", "carousel", "slider"})
# Strings that each of them contains: a class/id without any of these names no gallery.
_GALLERY_STEMS = ("galler", "slide", "carousel")
# Parts of a class/id that name the lead paragraph of an article, in the words of common CMSs and languages
# (a "dek" or "subtitle" is a headline's second line, which many references leave out).
_LEAD_PARTS = frozenset({"lead", "lede", "standfirst", "intro", "sapo", "chapo", "bajada", "entradilla"})
_BIO_PARTS = frozenset({"bio", "biography", "authorbox", "saboxplugin"})
_AUTHOR_BOX_PARTS = frozenset({"box", "info", "about", "description", "desc", "details", "post"})


# word -> kind, for one dictionary look-up per class/id part
_PART_KIND: dict[str, str] = {}
for _kind, _words in _PARTS.items():
    for _word in _words:
        _PART_KIND.setdefault(_word, _kind)
_TOKEN_KIND = {word: kind for kind, words in _TOKENS.items() for word in words}
_LONGEST_PART = max(word.count("-") + 1 for word in _PART_KIND)
# The first part of every keyword: a class/id with none of them names no kind.
_FIRST_PARTS = frozenset(word.split("-")[0] for word in _PART_KIND)
# The first part of every keyword of several parts: only there is a longer keyword looked up.
_MULTI_FIRST_PARTS = frozenset(word.split("-")[0] for word in _PART_KIND if "-" in word)
# A part after "non"/"no"/"not" names the opposite ("non-ad-column" is the article column); one after
# "has"/"with" names what the element holds ("section--has-ads"), one before "enabled"/"disabled" a
# feature switch ("modal-enabled"): none of them says what the element is.
_QUALIFIERS = frozenset({"non", "no", "not", "has", "with"})
_SWITCHES = frozenset({"enabled", "disabled"})
# Page builders that wrap every block, the article's text included, in a "widget": (builder, word) pairs.
_BUILDER_WORDS = frozenset({("elementor", "widget")})

CLASS_RULES = {kind: register(f"struct.class-{kind}", kind, f"class or id names {kind}: {', '.join(words[:6])}, ...",
                              family="structural", stage="prune")
               for kind, words in {**_PARTS, **_TOKENS}.items()}

#: An inline style that hides its element.
_HIDDEN_STYLE = Caseless(r"display\s*:\s*none|visibility\s*:\s*hidden")


def is_hidden(attributes: Mapping[str, str]) -> bool:
    """Whether an element's attributes hide it from readers: ``hidden``, ``aria-hidden="true"`` (in any case,
    as browsers read it) or an inline ``display:none``/``visibility:hidden``. The one test prune and
    metadata share, so that a field is never read from what the body leaves out as hidden."""
    if "hidden" in attributes:
        return True
    aria, style = attributes.get("aria-hidden"), attributes.get("style")
    return (aria is not None and aria.lower() == "true") or (style is not None and _HIDDEN_STYLE.found_in(style))

# ARIA roles that mark chrome, and the kind each stands for.
ROLE_KINDS: dict[str, str] = {
    "navigation": "navigation", "banner": "navigation", "menu": "navigation", "menubar": "navigation",
    "search": "navigation", "toolbar": "share-bar", "contentinfo": "footer", "complementary": "related-links",
    "dialog": "widget", "alertdialog": "widget",
}
ROLE_RULE = register("struct.role", "navigation",
                     "ARIA roles of chrome: navigation, banner, contentinfo, complementary, dialog, ...",
                     family="structural", stage="prune")


def class_id_words(class_attr: str | None, id_attr: str | None) -> str:
    """Lower-cased class and id with camelCase split, ready for the patterns."""
    joined = f"{class_attr or ''} {id_attr or ''}"
    return (joined if joined.islower() else _CAMEL.sub("-", joined)).lower()


def _parts(words: str) -> list[str]:
    """The parts of class/id words: split at runs of whitespace, "_" and "-"."""
    return words.replace("_", " ").replace("-", " ").split()


def class_kind(words: str) -> str | None:
    """The chrome kind that the class/id words name, if any (the leftmost word wins)."""
    tokens = words.split()
    if not _TOKEN_KIND.keys().isdisjoint(tokens):
        for token in tokens:
            kind = _TOKEN_KIND.get(token)
            if kind is not None:
                return kind
    parts = _parts(words)
    if _FIRST_PARTS.isdisjoint(parts):
        return None  # no part can start a keyword: most class names end here
    for index, part in enumerate(parts):
        if part not in _FIRST_PARTS:
            continue
        if index and (parts[index - 1] in _QUALIFIERS or (parts[index - 1], part) in _BUILDER_WORDS):
            continue
        if index + 1 < len(parts) and parts[index + 1] in _SWITCHES:
            continue
        if part in _MULTI_FIRST_PARTS:  # the longest keyword starting here wins
            for length in range(min(_LONGEST_PART, len(parts) - index), 1, -1):
                kind = _PART_KIND.get("-".join(parts[index:index + length]))
                if kind is not None:
                    return kind
        kind = _PART_KIND.get(part)
        if kind is not None:
            return kind
    return None


def keywords_starting(kinds: Collection[str]) -> frozenset[str]:
    """The first parts of the keywords, and the whole-class tokens, that name one of ``kinds``."""
    return frozenset({word.split("-")[0] for word, kind in _PART_KIND.items() if kind in kinds}
                     | {token for token, kind in _TOKEN_KIND.items() if kind in kinds})


def names_none_of(words: str, starts: frozenset[str]) -> bool:
    """True when class/id ``words`` certainly name no kind whose keywords start as ``starts`` (see
    :func:`keywords_starting`); the words of many elements joined are tested as cheaply as one's."""
    return starts.isdisjoint(words.split()) and starts.isdisjoint(_parts(words))


def names_gallery(class_attr: str | None, id_attr: str | None) -> bool:
    """True when the class or id names a picture gallery, slideshow or carousel.

    Script hooks ("js-lightbox-gallery") do not count: they say which script
    enhances an element (a zoom on one picture), not what the element is.
    """
    if class_attr is None and id_attr is None:
        return False
    words = class_id_words(class_attr, id_attr)
    if not any(stem in words for stem in _GALLERY_STEMS):
        return False  # most classes: no part can be a gallery word
    return any(part in _GALLERY_PARTS for token in words.split()
               if not token.startswith(("js-", "js_")) for part in token.replace("_", "-").split("-"))


def names_author_box(words: str) -> bool:
    """True when class/id words (from ``class_id_words``) name an author's box: a bio, not a byline."""
    parts = set(_parts(words))
    return bool(parts & _BIO_PARTS) or ("author" in parts and not parts.isdisjoint(_AUTHOR_BOX_PARTS))


def names_lead(class_attr: str | None, id_attr: str | None) -> bool:
    """True when the class or id names the article's standfirst ("article-lead", "c-page-intro__copy", "dek")."""
    if class_attr is None and id_attr is None:
        return False
    return not _LEAD_PARTS.isdisjoint(_parts(class_id_words(class_attr, id_attr)))


def names_content(words: str) -> bool:
    """True when the class/id also carries a content word such as 'article' or 'post'."""
    return _CONTENT_WORDS.search(words) is not None


# --- Guards: when a tag, role or class rule names an element that is not chrome after all ---

# Kinds of class rule that only ever name small things: a bigger element is not one.
_AUTHOR_BOX_MAX = 1200
_SMALL_KINDS = {"metadata": 400, "image-credit": 250, "read-more": 400, "share-bar": 600, "hidden": 2000}
# An element holding at least this share of the body's text is never pruned as chrome.
_PROTECT_SHARE = 0.4
_PROTECT_MIN_CHARS = 1000
# An <article> holding this share of the body's prose is the page's article.
_ARTICLE_SHARE = 0.5
# An element holding this share of the body's text is the page's own wrapper (a layout <form>, an app root).
_WRAPPER_SHARE = 0.9


@dataclass
class BodySize:
    """What the guards compare an element with: the body's text and prose, measured once per page."""

    chars: int
    prose: int
    body: HtmlElement
    classes: Counter[str] | None = None

    def class_count(self, cls: str) -> int:
        """How many elements of the body carry exactly this class attribute (counted once per page, on demand)."""
        if self.classes is None:
            self.classes = Counter(value for value in self.body.xpath(".//@class"))
        return self.classes[cls]


def prose_of(element: HtmlElement, enough: float = math.inf) -> int:
    """Characters of ``element``'s paragraphs long enough to be sentences, counted no further than ``enough``."""
    return prose_chars(element, ("p",), t.PROSE_PARAGRAPH, enough)


def _wraps_article(element: HtmlElement, body: BodySize) -> bool:
    """The element holds the page's article, whatever its class says.

    Broken markup can make a menu or header the parent of the page's <main>
    with prose, and themes name the layout wrapper for the sidebar beside it
    ("cb-sidebar-right"); a wrapper holding the <article> with most of the
    page's prose is the page, however short the article.
    """
    if any(prose_of(inner, t.ARTICLE_MIN_CHARS) >= t.ARTICLE_MIN_CHARS for inner in element.iter("main")):
        return True
    enough = max(t.PROSE_PARAGRAPH, _ARTICLE_SHARE * body.prose)
    return any(prose_of(inner, enough) >= enough for inner in element.iter("article"))


def protected(element: HtmlElement, body: BodySize, words: str = "") -> bool:
    """True when ``element`` holds too much of the page's prose to be chrome.

    Prose is the text of paragraphs long enough to be sentences; a wrapper
    holding half of it is the article, whatever its class says. So is one
    that holds the <main> element with prose, which broken markup can nest
    inside a menu, and one that holds nearly the whole page: removing the
    page's own wrapper (a layout <form>, an app root, a body-wide "page-banner"
    div) would leave nothing to choose from, however many links it holds.
    ``words`` are the element's class/id words, when a class rule asks: a
    content word among them protects it with less prose.
    """
    chars = len(element.text_content())
    if chars < t.ARTICLE_MIN_CHARS:
        return False
    if _wraps_article(element, body) or (chars >= _PROTECT_MIN_CHARS and chars >= _WRAPPER_SHARE * body.chars):
        return True
    prose = prose_of(element, max(t.ARTICLE_MIN_CHARS, _PROTECT_SHARE * body.prose))  # no further than compared
    if not (prose >= t.ARTICLE_MIN_CHARS and names_content(words)) and prose < _PROTECT_SHARE * body.prose and (
            chars < _PROTECT_MIN_CHARS or chars < _PROTECT_SHARE * body.chars):
        return False
    return link_chars(element) < t.LINKS_MOSTLY * chars


def too_big(element: HtmlElement, kind: str, words: str) -> bool:
    """Longer than its kind's limit as a reader sees it: source indentation does not count.

    An author box is metadata too, but a few sentences long: it has a limit of its own.
    """
    limit = _SMALL_KINDS.get(kind)
    if limit is None:
        return False
    if kind == "metadata" and names_author_box(words):
        limit = _AUTHOR_BOX_MAX
    text = element.text_content()
    return len(text) > limit and len(collapse(text)) > limit


def unlinked_teaser(element: HtmlElement, words: str, body: BodySize) -> bool:
    """A lone 'teaser' block with no link in it leads nowhere: it is the article's own lead.

    Many CMSs call the standfirst of the article "teaser"; a teaser card for
    another story links to it, and comes with others of its class.
    """
    if "teaser" not in words or element.find(".//a") is not None:
        return False
    if any(ancestor.tag == "a" for ancestor in element.iterancestors()):
        return False
    cls = element.get("class")
    return cls is None or body.class_count(cls) == 1
