"""Dates: normalising what pages write to ISO 8601, and the publication date's sources, best first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import lxml.etree
import lxml.html

from ..textutil import Caseless
from .collect import MAX_TIMES, Found, in_bodies, text_pieces, visible_in_article
from .jsonld import ld_text
from .text import WORD, clean

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
    [*_MONTHS, "am", "pm", "at", "utc", "gmt", "on", "updated", "published", "posted", "last", "mon", "tue", "wed",
     "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)

#: A word, a number, or what stands between them (for reading a date token by token).
_DATE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w]+")
_MONTH_WORD = r"(?P<mon>[^\W\d_]{3,10})\.?"
_TIME_PART = (
    r"(?:,?\s+(?:at\s+|um\s+|à\s+)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)

_DAY_MONTH_YEAR = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+" + _MONTH_WORD + r",?\s+(?P<y>\d{4})\b" + _TIME_PART, re.I)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH_WORD + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME_PART, re.I)

_DATE_KEYS = ("article:published_time", "og:article:published_time", "parsely-pub-date",
              "datepublished", "published_time", "article.published", "publishdate", "publish-date",
              "publish_date", "pubdate", "pub_date", "date_published", "dc:date:issued",
              "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "dc:date:created",
              "sailthru.date", "citation_publication_date", "citation_date", "date", "release_date",
              "og:published_time")

#: Last resorts: when the page only says when it last changed.
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")

#: Elements whose class or id calls them a date; ``_DATE_HINT`` confirms the word. As in
#: ``authors._BYLINE_XPATH``, values are read through ``string()`` and the date fragments are
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

#: Microdata dates on elements other than <meta> and <time> (those two are read in the main walk).
_ITEMPROP_DATE_XPATH = lxml.etree.XPath("$bodies//@itemprop[contains(., 'datePublished')]")


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first date written in ``text`` stands ("May 3, 2024", "3. Mai 2024", "2024-05-03"), or None."""
    spans = [m.span() for m in (_ISO_DATE.search(text), _SLASH_DATE.search(text)) if m]
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.search(text)
        if match and match.group("mon").lower().rstrip(".") in _MONTHS:
            spans.append(match.span())
    return min(spans, default=None)


def leading_date_end(text: str) -> int:
    """Where a date that opens ``text`` ends ("Updated May 3, 2024 at 9:02 am Jane Doe" -> before "Jane"); 0 if none.

    The date is a run of numbers and date words (months, weekdays, "updated",
    "at", "am") holding at least one number; it may be glued to what follows.
    """
    end = 0
    number = False
    for match in _DATE_TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit():
            number = True
        elif token[0].isalpha() and token.casefold() not in _DATE_WORDS:
            break
        end = match.end()
    return end if number else 0


def is_date_only(text: str) -> bool:
    """True for a dateline such as "Sunday, Feb 1, 2015 11:57 AM UTC": no name in it."""
    if not normalize_date(text):
        return False
    rest = [w for w in WORD.findall(text.casefold()) if not w.isdigit() and w not in _DATE_WORDS]
    return not rest


def read_published(found: Found, nodes: list[dict[str, Any]], url: str) -> str:
    """The first publication date a source gives, as ISO 8601."""
    for value in _date_candidates(found, nodes, url):
        date = normalize_date(value) if value else ""
        if date:
            return date
    return ""


def _date_candidates(found: Found, nodes: list[dict[str, Any]], url: str) -> Iterator[str]:
    """Dates best first; the visible and URL ones are only looked for when nothing better exists."""
    yield from (ld_text(node.get("datePublished")) for node in nodes[:1])
    yield from (found.first((k,)) for k in _DATE_KEYS[:3])
    yield from (ld_text(node.get("datePublished")) for node in nodes[1:])
    yield from found.item_dates
    yield from _microdata_dates(found.bodies)
    yield from (found.first((k,)) for k in _DATE_KEYS[3:])
    yield from (ld_text(node.get("dateCreated")) for node in nodes)
    yield from found.times
    yield _visible_date(found.bodies)
    for address in (*found.links.get("canonical", ()), *found.values("og:url"), url):
        match = _URL_DATE.search(address)
        if match:
            year, month, day = match.groups()
            yield f"{year}-{int(month):02d}-{int(day):02d}"
    yield from (ld_text(node.get("dateModified")) for node in nodes)
    yield from (found.first((k,)) for k in _MODIFIED_KEYS)


def _microdata_dates(bodies: list[lxml.html.HtmlElement]) -> Iterator[str]:
    """``itemprop=datePublished`` on elements other than <meta> and <time> (those are read in the main walk)."""
    for attr in in_bodies(_ITEMPROP_DATE_XPATH, bodies)[:MAX_TIMES]:
        el = attr.getparent()
        if el is not None and el.tag not in ("meta", "time"):
            yield el.get("content") or el.get("datetime") or clean(el.text_content())


def _visible_date(bodies: list[lxml.html.HtmlElement]) -> str:
    """The text of the first dateline-like element that reads as a date, outside page chrome."""
    seen = 0
    for attr in in_bodies(_DATE_HINT_XPATH, bodies):
        el = attr.getparent()
        if el is None or not _DATE_HINT.found_in(attr):
            continue
        seen += 1
        if seen > MAX_TIMES:
            break
        pieces, too_long = text_pieces(el, 81)
        text = clean("".join(pieces))
        if text and not too_long and normalize_date(text) and visible_in_article(el):
            return text
    return ""


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
    text = clean(raw)[:200]
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
