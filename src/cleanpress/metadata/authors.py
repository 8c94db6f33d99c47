"""Authors and the byline: structured names first, else a byline element in the body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import lxml.etree
import lxml.html

from .collect import BYLINE_HINT, Found, in_bodies, text_pieces, visible_in_article
from .dates import is_date_only
from .jsonld import URLISH, ld_names
from .text import clean, dedupe, word_count

#: "By", "Posted by", "Von", "Auteur :" and kin in front of a name.
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|edited|reported|text|words|story|photos?|veröffentlicht|geschrieben|"
    r"publié|écrit|publicado|escrito|scritto|pubblicato|opublikowano|napisane)\s+)?"
    r"(?:by|from|par|von|por|di|da|door|av|af|przez|от|автор|авторы|(?:about\s+the\s+)?author|autor|auteur|autore)"
    r"(?:\s*:\s*|\s+|$)",
    re.I,
)

#: The words that join two names ("Ann Lee and Bo Park"), in the languages the stage reads.
_AND_WORDS = "and|und|et|y|e|i|и|oraz"
_NAME_SPLIT = re.compile(rf"\s*(?:;|\s&\s|\s(?:{_AND_WORDS})\s)\s*", re.I)

#: The "By" that some publishers leave in structured author names (other prefixes could be names).
_BY_WORD = re.compile(r"^by\s*:?\s+", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w+")

#: A byline segment that only joins two names.
_CONNECTOR = re.compile(rf"^(?:,|;|&|{_AND_WORDS})$", re.I)

#: Strong separators inside a byline: what follows is another item (date, section, role).
_BYLINE_SEP = re.compile(r"\s*(?:[|·•/—–]|\s-\s|\n)\s*")

#: A month or weekday name glued to or trailing a name once the digits of a date are cut off.
_DATE_TAIL = re.compile(
    r"(?:(?<=[a-zà-ÿ])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-zä]*"
    r"|\b(?:on|am|le|el|il|at|um|the))\.?,?\s*$"
)
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
        byline = names[0] if names and names[0] else text
        return byline, [n for n in names if n] or _names_from_byline(pieces)
    return "", []


def split_authors(byline: str) -> tuple[str, ...]:
    """The names of a clean byline: "Ann Lee and Bo Park" gives ("Ann Lee", "Bo Park")."""
    return tuple(dedupe(split_names(byline)))


def clean_byline(text: str) -> str:
    """A byline without the "By", "Von" or "Par" in front of the names."""
    return _BY_PREFIX.sub("", text).strip()


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
    names = dedupe(_BY_WORD.sub("", n) for n in names)
    if names:
        authors = dedupe(n for name in names for n in split_names(name))
        return tuple(authors), ", ".join(names)
    byline, body_authors = _body_byline(found.bodies)
    if byline:
        return tuple(dedupe(body_authors)), byline
    return (), ""


def _names_from_byline(texts: Iterable[str]) -> list[str]:
    """Names out of a byline's text pieces, e.g. "By", "Jane Doe", "and", "John Roe", "· May 3".

    Reads the pieces in order, skipping a leading prefix and date, and stops at
    the first piece after a name that does not join another name to it.
    """
    names: list[str] = []
    want_more = True
    for piece in (p for text in texts for p in _BYLINE_SEP.split(text)):
        piece = clean(piece)
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
        names.extend(p for p in split_names(piece) if "://" not in p and word_count(p) <= 5)
        want_more = bool(re.search(r"(?:,|&|\s(?:and|und|et|y))\s*$", piece, re.I))
        if digit >= 0:
            break
    return dedupe(names)


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
