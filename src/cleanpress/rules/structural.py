"""Structural rules: what an element's tag, role, class, id and attributes say.

These run in the prune stage's single walk over the tree. Keyword tables are
data: each kind lists the class/id words that mark it. Words in ``_PARTS``
match one dash/underscore/camelCase part of a class or id ("article-share-
bar" has the part "share"); words in ``_TOKENS`` must be a whole class or id
("hidden" but not "hidden-xs", which only hides on phones).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ..textutil import Caseless
from . import register

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

CLASS_RULES = {kind: register(f"struct.class-{kind}", kind, f"class or id names {kind}: {', '.join(words[:6])}, ...")
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
ROLE_RULE = register("struct.role", "navigation", "ARIA roles of chrome: navigation, banner, contentinfo, complementary, dialog, ...")


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
