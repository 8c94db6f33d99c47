"""The page's headline and the name of the site that publishes it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from ..textutil import collapse
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

#: What joins a site name to either end of a headline: "Headline | Site", "Site - Headline",
#: "Headline :: Site", "Headline_Section_Site".
_SITE_JOIN = re.compile(r"\s+(?:[|\-–—·•~»/\\]|::|\|\||//)\s+|\s*_\s*|(?<=\w):\s+")
#: Underscores that chain a headline to its section and site ("Headline_Section_Site").
_NOT_KEY = re.compile(r"[\W_]+")
#: The fewest letters or digits a headline keeps once a site name is cut off ("News | Site" -> "News").
_MIN_HEADLINE = 3
#: The most words of a last part that opens with the site's name and goes on ("Flask Documentation (3.1.x)").
_MAX_BRAND_WORDS = 3
#: The longest segment of an underscore trail that reads as a section or site name, in characters.
_MAX_TRAIL_SEGMENT = 12
#: Quotes that wrap a whole headline once the site name is gone ("»Headline« – Site").
_QUOTES = {"»": "«", "«": "»", "„": "“", "“": "”", "‘": "’"}
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


def strip_site_name(title: str, sites: Iterable[str]) -> str:
    """``title`` without a site name joined to either end; kept whole when too little would remain.

    A site name is any of ``sites`` (however spelt: "Sportsnet.ca" matches
    "sportsnet.ca"); a last part may also be a piece of one ("MDN" of "MDN
    Web Docs") or open with one ("Flask Documentation"), a first part must
    be one: a headline often opens with a brand or a kicker. Cuts repeat
    while an end part names the site ("Page - Section | Site" loses "Site"). An
    underscore trail of short parts ("Headline_Section_Site") goes too, since
    headlines are not written with underscores. Soft hyphens and zero-width
    spaces go as they do from the article's text.
    """
    title = collapse(title)
    keys = {key for key in map(_site_key, sites) if len(key) >= _MIN_HEADLINE} if _SITE_JOIN.search(title) else set()
    while keys:
        joins = list(_SITE_JOIN.finditer(title))
        if not joins:
            break
        tail, head = title[joins[-1].end():], title[: joins[0].start()]
        if (_names_site(tail, keys) or _brand_led(tail, keys)) and _is_headline(title[: joins[-1].start()]):
            title = title[: joins[-1].start()].strip()
        elif _site_key(head) in keys and _is_headline(title[joins[0].end():]):
            title = title[joins[0].end():].strip()
        else:
            break
    parts = [part.strip() for part in title.split("_")]
    if len(parts) > 1 and all(len(p) <= _MAX_TRAIL_SEGMENT for p in parts[1:]) and len(parts[0]) > 2 * max(
            len(p) for p in parts[1:]) and _is_headline(parts[0]):
        title = parts[0]
    if len(title) > 2 and _QUOTES.get(title[0]) == title[-1] and title.count(title[0]) == 1 \
            and _is_headline(title[1:-1]):
        title = title[1:-1].strip()
    return title


def site_names(found: Found, site_name: str, url: str) -> Iterator[str]:
    """What a title may call the site: its structured name ``site_name``, the hosts it is served
    from, and what the <title> adds to the Open Graph or Twitter title ("Headline | Site" beside
    "Headline"). Not a name guessed from the title alone (nor a part that the two titles share,
    often a kicker or a brand): that would cut any title.
    Lazy: a title with nothing joined to it asks for none."""
    yield site_name
    yield from (found.first((key,)) for key in _SITE_KEYS)
    for address in (url, *found.links.get("canonical", ()), *found.values("og:url")):
        host = _host(address)
        yield host
        yield from (label for label in host.split(".")[:-1] if label != "www")
    doc = found.doc_title
    for other in (found.first(("og:title",)), found.first(("twitter:title",))):
        yield from _difference(doc, other) or _difference(other, doc)


def _host(address: str) -> str:
    """The host of an absolute URL without "www."; "" for other text and for malformed URLs."""
    if "//" not in address:
        return ""
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _difference(longer: str, shorter: str) -> list[str]:
    """["Site"] when ``longer`` is ``shorter`` with parts joined to one end ("Headline | Site"): the far one."""
    if not shorter or len(longer) <= len(shorter):
        return []
    if longer.startswith(shorter) and _SITE_JOIN.match(longer, len(shorter)):
        return _SITE_JOIN.split(longer)[-1:]
    if longer.endswith(shorter) and any(m.end() == len(longer) - len(shorter) for m in _SITE_JOIN.finditer(longer)):
        return _SITE_JOIN.split(longer)[:1]
    return []


def _site_key(name: str) -> str:
    """A site name as compared: case, spaces and punctuation folded ("Sportsnet.ca" -> "sportsnetca")."""
    return _NOT_KEY.sub("", name.casefold())


def _names_site(part: str, keys: set[str]) -> bool:
    """True when ``part`` of a title is one of the site names ``keys``, or a piece of one ("MDN" of "MDN Web Docs")."""
    key = _site_key(part)
    if len(key) < _MIN_HEADLINE:
        return False
    return key in keys or any(key in site or (site in key and 2 * len(site) >= len(key)) for site in keys)


def _brand_led(tail: str, keys: set[str]) -> bool:
    """True for a short last part that opens with a site name: "Stripe API Reference", "Flask Documentation"."""
    words = tail.split()
    return len(words) <= _MAX_BRAND_WORDS and any(_site_key(words[0]) == key for key in keys)


def _is_headline(text: str) -> bool:
    """True when ``text`` still holds a headline: enough letters or digits."""
    return len(_NOT_KEY.sub("", text)) >= _MIN_HEADLINE


def read_site_name(found: Found, structured: str, title: str) -> str:
    """Who publishes the page: its ``structured`` name, else what the <title> adds to the headline."""
    return structured or _site_from_title(found.doc_title, [title, *found.h1s])


def structured_site_name(found: Found, main: dict[str, Any] | None, ids: dict[str, dict[str, Any]]) -> str:
    """The publisher's name as JSON-LD or <meta> give it: publisher, og:site_name, WebSite, app names."""
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
    return found.first(_SITE_KEYS[1:])


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
