"""Authors and the byline: structured names first, else a byline element in the body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import lxml.etree
import lxml.html

from .collect import BYLINE_HINT, Found, in_bodies, text_pieces, visible_in_article
from .dates import date_span, is_date_only, leading_date_end, normalize_date
from .jsonld import URLISH, ld_names
from .text import clean, dedupe, word_count

#: Words that say "written by" before the by-word ("Posted by", "Recipe by", "Geschrieben von").
_BY_VERBS = (
    r"(?:written|posted|post|published|edited|reported|text|words|story|photos?|recipe|article|veröffentlicht|"
    r"geschrieben|publié|écrit|publicado|escrito|scritto|pubblicato|opublikowano|napisane)"
)
#: "By", "Posted by", "Von", "Auteur :" and kin in front of a name; "BySummer" where a page glued them;
#: a lone "Posted" whose "by" stands in the next piece.
_BY_PREFIX = re.compile(
    rf"^(?:(?:{_BY_VERBS}\s+)?"
    r"(?:by|from|par|von|por|di|da|door|av|af|przez|от|автор|авторы|(?:about\s+the\s+)?author|autor|auteur|autore)"
    rf"(?:\s*:\s*|\s+|$)|(?:{_BY_VERBS}\s*)?(?-i:[Bb]y(?=[A-Z][a-z])|(?<=[a-z])by(?=[A-Z]))|{_BY_VERBS}$)",
    re.I,
)

#: The words that join two names ("Ann Lee and Bo Park"), in the languages the stage reads.
_AND_WORDS = "and|und|et|y|e|i|и|oraz"
_NAME_SPLIT = re.compile(rf"(?<!\s)\s*(?:;|\s&\s|\s(?:{_AND_WORDS})\s)\s*", re.I)

_HANDLE = re.compile(r"(?:^|\s)@\w+")

#: A byline segment that only joins two names.
_CONNECTOR = re.compile(rf"^(?:,|;|&|{_AND_WORDS})$", re.I)

#: Strong separators inside a byline: what follows is another item (date, section, role).
_BYLINE_SEP = re.compile(r"(?<!\s)\s*(?:[|·•/—–»]|\s-\s|\n)\s*")

#: A month or weekday name glued to or trailing a name once the digits of a date are cut off.
_DATE_TAIL = re.compile(
    r"(?:(?<=[a-zà-ÿ])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-zä]*"
    r"|\b(?:on|am|le|el|il|at|um|the|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)))\.?,?\s*$"
)
#: Where the names end and what the page says of the piece begins: "Jane DoePublished on", "Reviewed by".
_AFTER_NAMES = re.compile(
    r"(?-i:(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Edited)\b))"
    r"|\b(?:reviewed|edited|fact[- ]checked|updated|published|posted|last\s+(?:updated|modified))\b",
    re.I,
)
#: Job titles, which a byline gives after the name ("Jane Doe, Staff Writer") but which are not names.
_ROLE = re.compile(
    r"\b(?:writer|editor|reporter|correspondent|columnist|journalist|staff|expert|founder|co-founder|ceo|"
    r"director|manager|coordinator|producer|analyst|intern|redakteur(?:in)?|redaktion|rédact(?:eur|rice)|"
    r"rédaction|journaliste|correspondant|periodista|redactor|redactora|corresponsal|giornalista|redattore|"
    r"dziennikarz|redaktor)s?\b",
    re.I,
)
#: Accounts that name no one: the user names that publishing software fills in by default.
_PLACEHOLDERS = frozenset({"admin", "administrator", "user", "guest", "root", "webmaster", "unknown",
                           "author", "default", "nobody", "null", "none"})
_NOT_PLACEHOLDER = re.compile(r"[\s_-]+")
_URL_IN_TEXT = re.compile(r"\(?\b(?:https?://|www\.)\S*")
#: What a name piece is trimmed of at either end.
_PUNCTUATION = " ,.:;|-…»«"
#: A trailing initial ("Kooman, F."), whose full stop is part of the name.
_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]\.$")
_LAST_JOINS = re.compile(rf"(?:,|&|\s(?:{_AND_WORDS}))\s*$", re.I)
_AUTHOR_KEYS = ("dc:creator", "dcterms:creator", "dcterm:creator", "author", "parsely-author",
                "sailthru.author", "article:author", "og:article:author", "citation_author",
                "byl")

#: Attributes that may mark a byline, in document order. Testing attribute nodes is
#: several times faster in libxml2 than testing every element (or walking them in
#: Python); the fragments are a case-tolerant prefilter for ``BYLINE_HINT``. The
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

_MAX_BYLINE_CANDIDATES = 200


def _body_byline(bodies: list[lxml.html.HtmlElement]) -> tuple[str, list[str]]:
    """The first visible byline-like element in the body, as readers see it, and the names in it.

    ("", []) when there is none. Costly (an XPath over every class and id of
    the page), so asked only when nothing structured names the author.
    """
    count = 0
    previous = None
    for attr in in_bodies(_BYLINE_XPATH, bodies):
        el = attr.getparent()
        if el is previous or el is None or el.tag in ("meta", "link", "script", "style"):
            continue
        previous = el
        if not (
            el.get("rel") == "author"
            or "author" in (el.get("itemprop") or "")
            or BYLINE_HINT.found_in(f"{el.get('class') or ''} {el.get('id') or ''}")
        ):
            continue
        count += 1
        if count > _MAX_BYLINE_CANDIDATES:
            break
        pieces, too_long = text_pieces(el, 100)
        text = "".join(pieces).strip()
        if not text or too_long or is_date_only(text) or not visible_in_article(el):
            continue
        names = [
            clean(n.get("content") if n.tag == "meta" else n.text_content())
            for n in el.iter()
            if isinstance(n.tag, str) and "name" in (n.get("itemprop") or "").lower()
        ]
        byline, authors = _read_structured(names) if any(names) else read_byline(pieces)
        if byline:
            return byline, authors
    return "", []


def split_authors(byline: str) -> tuple[str, ...]:
    """The names of a clean byline: "Ann Lee and Bo Park" gives ("Ann Lee", "Bo Park")."""
    return tuple(dedupe(split_names(byline)))


def clean_byline(text: str) -> str:
    """A byline as a person writes it: the names, without "By", separators, dates, roles or placeholders.

    "By Jane Doe | May 3, 2024" gives "Jane Doe"; "Posted by admin" gives "".
    """
    return read_byline([text])[0]


def read_authors(found: Found, main: dict[str, Any] | None,
                 ids: dict[str, dict[str, Any]]) -> tuple[tuple[str, ...], str]:
    """The author names and the byline; a structured byline is the names, comma-joined."""
    names: list[str] = []
    if main is not None:
        names = ld_names(main.get("author"), ids) or ld_names(main.get("creator"), ids)
    if not names:
        for key in _AUTHOR_KEYS:
            values = [v for v in found.values(key) if not URLISH.match(v) and v[0] != "@"]
            if values:
                names = values
                break
    byline, authors = _read_structured(names)
    if byline:
        return tuple(authors), byline
    byline, authors = _body_byline(found.bodies)
    return tuple(dedupe(authors)), byline


def _read_structured(values: Iterable[str]) -> tuple[str, list[str]]:
    """The byline and names of structured author values, each read as a byline of its own."""
    bylines: list[str] = []
    names: list[str] = []
    for value in values:
        byline, found = read_byline([value])
        bylines.append(byline)
        names.extend(found)
    return ", ".join(dedupe(bylines)), dedupe(names)


def read_byline(texts: Iterable[str]) -> tuple[str, list[str]]:
    """The byline as written and the names in it, from its text pieces: "By", "Jane Doe", "and", "Bo Park", "· May 3".

    Reads the pieces in order, skipping a leading prefix and date, and stops at
    the first piece after a name that does not join another name to it. The
    byline keeps the name pieces and the words that join them, as the page
    writes them; "" when no piece names anyone.
    """
    names: list[str] = []
    written: list[str] = []
    want_more = True
    for piece in (p for text in texts for p in _BYLINE_SEP.split(_URL_IN_TEXT.sub(" ", text))):
        piece = clean(piece)
        if not piece:
            continue
        if _CONNECTOR.match(piece):
            want_more = bool(names)
            if names:
                written.append(piece)
            continue
        if names and not want_more:
            break
        piece, ends = _names_part(piece)
        found = [p for p in split_names(piece) if word_count(p) <= 5 and not _is_placeholder(p)]
        if found:
            names.extend(found)
            written.append(piece)
            want_more = bool(_LAST_JOINS.search(piece))
        if ends and names:
            break
    while written and _CONNECTOR.match(written[-1]):
        written.pop()
    byline = " ".join(written).replace(" ,", ",").replace(" ;", ";")
    return (byline, dedupe(names)) if names else ("", [])


def _names_part(piece: str) -> tuple[str, bool]:
    """The part of one byline piece that can hold names, and whether the piece says more after them.

    Cuts off a leading "By", a date (the names after a leading date, before any
    other), what follows "Updated" or "Reviewed by", and the job titles that
    follow a name ("Jane Doe, Staff Writer"; "Staff Writer" alone is what the
    page gives instead of a name, and stays).
    """
    piece = _strip_by(_HANDLE.sub("", piece))
    ends = False
    opening = leading_date_end(piece)
    if opening and normalize_date(piece[:opening]):
        piece = _strip_by(piece[opening:])  # "May 3, 2024 Jane Doe": the names after the date
    span = date_span(piece)
    if span is not None:
        piece, ends = piece[: span[0]], True
    digit = _first_number(piece)
    if digit >= 0:
        piece, ends = piece[:digit], True
    after = _AFTER_NAMES.search(piece)
    if after is not None and after.start() > 0:
        piece, ends = piece[: after.start()], True
    if ends:
        piece = _DATE_TAIL.sub("", piece.rstrip(_PUNCTUATION))
    piece = _trim(piece)
    parts = piece.split(",")
    role = next((i for i, part in enumerate(parts) if i and _ROLE.search(part)), None)
    if role is not None:
        piece, ends = ",".join(parts[:role]).strip(_PUNCTUATION), True
    return (piece if any(ch.isalpha() for ch in piece) else ""), ends


def _trim(text: str) -> str:
    """``text`` without separators and punctuation at either end, but with the full stop of an initial."""
    trimmed = text.strip(_PUNCTUATION)
    kept = text.rstrip(_PUNCTUATION.replace(".", ""))
    return trimmed + "." if _INITIAL.search(kept) and trimmed else trimmed


def _strip_by(text: str) -> str:
    """``text`` without the "By" in front of its names ("Von der Leyen" keeps its "Von": a name goes on in capitals)."""
    rest = _trim(_BY_PREFIX.sub("", text))
    if rest[:1].islower() and text[:2].casefold() != "by":
        return _trim(text)
    return rest


def _first_number(text: str) -> int:
    """Where the first number that is not part of a user name starts ("Nolan22 Dec" yes, "ridwan123" no); -1."""
    for i, ch in enumerate(text):
        if ch.isdigit() and (i == 0 or not text[i - 1].isalnum() or " " in text[i:].strip()):
            return i
    return -1


def _is_placeholder(name: str) -> bool:
    """True for "admin", "Guest" or "user": a software account, not a person."""
    return _NOT_PLACEHOLDER.sub("", name.casefold()) in _PLACEHOLDERS


def split_names(text: str) -> list[str]:
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
        if len(pieces) > 1 and all(word_count(p) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part.strip(" .:|,"))
    return [n for n in names if n]
