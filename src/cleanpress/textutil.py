"""Small text helpers shared by every stage: one normalisation everywhere."""

from __future__ import annotations

import math
import re

from lxml import etree
from lxml.html import HtmlElement

#: What collapse() reads as spaces though they show none: zero-width spaces (and byte-order marks) separate words.
INVISIBLE_SPACES = "\u200b\ufeff"
#: What collapse() drops: soft hyphens are only hyphenation hints ("Mit&shy;tel&shy;al&shy;ter").
SOFT_HYPHENS = "\u00ad"
_ZERO_WIDTH_SPACE, _BYTE_ORDER_MARK = tuple(INVISIBLE_SPACES)
#: The text nodes under an element in document order (what itertext() yields), gathered in C.
_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)
#: The text nodes inside links, each once; and whether a link holds another (its text then counts twice).
_LINK_TEXT_NODES = etree.XPath("descendant-or-self::a//text()", smart_strings=False)
_NESTED_LINKS = etree.XPath("boolean(descendant-or-self::a//a)")


def collapse(text: str) -> str:
    """Whitespace runs (including no-break and zero-width spaces) to one space, stripped; soft hyphens dropped."""
    if not text.isascii():
        # str.replace runs at memory speed; str.translate looks every character up in a table, 50 times slower
        text = text.replace(_ZERO_WIDTH_SPACE, " ").replace(_BYTE_ORDER_MARK, " ").replace(SOFT_HYPHENS, "")
    return " ".join(text.split())


def raw_text(element: HtmlElement) -> str:
    """``element.text_content()``, read without lxml's XPath call when ``element`` has no children (most have none)."""
    if len(element):
        return str(element.text_content())
    return element.text or ""


def element_text(element: object) -> str:
    """The collapsed text content of an lxml element (tails excluded)."""
    return collapse("".join(element.itertext()))  # type: ignore[attr-defined]


def spaced_text(element: HtmlElement) -> str:
    """Collapsed text with a space between text nodes, so "World</li><li>Business" stays two words.

    Used for removal records, where a rare split inside a word ("W<b>or</b>d")
    costs less than walking every removed region in Python; libxml2 gathers
    the text nodes, so a large removed region makes no Python object per element.
    """
    return collapse(" ".join(_TEXT_NODES(element)))


def prose_chars(element: HtmlElement, tags: tuple[str, ...], shortest: int, enough: float = math.inf) -> int:
    """Characters in the ``tags`` elements of ``element`` at least ``shortest`` long (prose, not labels),
    counted until they reach ``enough``: callers that compare the sum with a threshold stop there."""
    total = 0
    for paragraph in element.iter(*tags):
        length = len(paragraph.text_content())
        if length >= shortest:
            total += length
            if total >= enough:
                break
    return total


def link_chars(element: HtmlElement) -> int:
    """The summed text length of the <a> elements in ``element`` (``element`` too, when it is one).

    The same as adding up ``len(a.text_content())`` over them, but gathered in
    C, without a Python object per link: worth it for large regions (menus,
    footers), not for a paragraph with a link or two. A link inside another
    counts for both, as in that sum; such pages are rare and are summed link by link.
    """
    texts = _LINK_TEXT_NODES(element)
    if not texts:
        return 0
    if _NESTED_LINKS(element):
        return sum(len(link.text_content()) for link in element.iter("a"))
    return sum(map(len, texts))


class Caseless:
    """A pattern, written in lower case, found in text whatever its case.

    Python's ``re`` runs a case-insensitive search several times slower than
    a plain one, so ASCII text (nearly every class, id and style attribute) is
    lower-cased and searched plainly; other text is searched with IGNORECASE,
    which also knows the case pairs outside ASCII.
    """

    __slots__ = ("_plain", "_folded")

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError(f"write the pattern in lower case: {pattern!r}")
        self._plain = re.compile(pattern)
        self._folded = re.compile(pattern, re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        if text.isascii():
            return self._plain.search(text.lower()) is not None
        return self._folded.search(text) is not None
