"""The page's headline and the name of the site that publishes it."""

from __future__ import annotations

import re
from typing import Any

from .collect import Found
from .jsonld import deref, ld_text, ld_types
from .text import clean, similar, word_count

#: Separators between a headline and a site name or section trail in a <title>.
_TITLE_SEP = re.compile(r"\s(?:[|\-–—\\/>»]|::|\|\||//)\s")

#: Separators that draw a hierarchy (Site > Section > Page) rather than a suffix.
_HIERARCHY_SEP = re.compile(r"\s[\\/>»]\s")

#: Separators around a site name in a <title>, for deriving the name when nothing else gives it.
_SITE_SEP = re.compile(r"\s(?:[|\-–—·•»:]|::|\|\||//)\s|\s?[|·•]\s?|:\s")
_SEP_CHARS = re.compile(r"[|\-–—\\/>»·•~:]+")

_TITLE_KEYS = ("dc:title", "dcterms:title", "dcterm:title", "og:title", "weibo:article:title",
               "weibo:webpage:title", "title", "twitter:title", "parsely-title", "sailthru.title")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:android:app_name",
              "al:ios:app_name", "twitter:app:name:iphone")


def read_title(found: Found, main: dict[str, Any] | None) -> str:
    """The page's own headline: structured titles first, else the cleaned <title>."""
    if main is not None:
        headline = ld_text(main.get("headline"))
        name = ld_text(main.get("name"))
        if headline and name and headline != name:
            # Some publishers put a tagline in one of the two: take the one
            # that resembles what the page calls itself.
            doc = _strip_site(found.doc_title, found) or found.doc_title
            return headline if similar(headline, doc) > similar(name, doc) else name
        if headline or name:
            return headline or name
    meta_title = found.first(_TITLE_KEYS)
    if meta_title:
        return meta_title
    if found.doc_title:
        return _strip_site(found.doc_title, found) or found.doc_title
    return next((h for h in found.h1s if h), "")


def _strip_site(title: str, found: Found) -> str:
    """``title`` without the site name that pages add to the headline.

    "Headline | Site" and "Site » Headline" give "Headline" (cut at the last
    separator, or after the first when what precedes is under three words);
    "Site: Headline" gives "Headline" unless a heading of the page spells the
    whole title. When the cut leaves four words or fewer the title is kept
    whole: a short remainder is more often a mangled headline than a clean one.
    """
    title = clean(title)
    if not title:
        return ""
    if title in found.headings:
        return title
    had_hierarchy = bool(_HIERARCHY_SEP.search(title))
    seps = list(_TITLE_SEP.finditer(title))
    result = title
    if seps:
        head = title[: seps[-1].start()]
        if word_count(head) < 3:
            first = seps[0]
            head = title[first.end():]
        result = head
    elif ": " in title:
        tail = title[title.rfind(":") + 1:]
        if word_count(tail) < 3:
            tail = title[title.find(":") + 1:]
        elif word_count(title[: title.find(":")]) > 5:
            tail = title
        result = tail
    elif (len(title) < 15 or len(title) > 150) and len(found.h1s) == 1:
        # "Home" or a paragraph-long <title>: the page's one main heading says it better.
        result = found.h1s[0]
    result = clean(result)
    words = word_count(result)
    if words <= 4 and (not had_hierarchy or words != word_count(_SEP_CHARS.sub("", title)) - 1):
        return title
    return result


def read_site_name(found: Found, main: dict[str, Any] | None, title: str, ids: dict[str, dict[str, Any]]) -> str:
    """Who publishes the page: structured names first, else what the <title> adds to the headline."""
    if main is not None:
        for key in ("publisher", "sourceOrganization", "provider"):
            name = ld_text(deref(main.get(key), ids))
            if name:
                return name
    name = found.first(_SITE_KEYS[:1])
    if name:
        return name
    for node in found.jsonld:
        if "WebSite" in ld_types(node):
            name = ld_text(node.get("name"))
            if name:
                return name
    return found.first(_SITE_KEYS[1:]) or _site_from_title(found.doc_title, [title, *found.h1s])


def _site_from_title(doc_title: str, headlines: list[str]) -> str:
    """"Site" from "Headline | Site" or "Site: Headline", when the other part is a known headline."""
    known = {fold for fold in (h.casefold() for h in headlines) if fold}
    if not known:
        return ""
    for match in _SITE_SEP.finditer(doc_title):
        head, tail = clean(doc_title[: match.start()]), clean(doc_title[match.end():])
        if head.casefold() in known and 0 < word_count(tail) <= 6:
            return tail
        if tail.casefold() in known and 0 < word_count(head) <= 6:
            return head
    return ""
