"""Small text helpers shared by every stage: one normalisation everywhere."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

# Zero-width spaces separate words; soft hyphens are only hyphenation hints ("Mit&shy;tel&shy;al&shy;ter").
_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " ", "\u00ad": None})
#: The text nodes under an element in document order (what itertext() yields), gathered in C.
_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)


def collapse(text: str) -> str:
    """Whitespace runs (including no-break and zero-width spaces) to one space, stripped; soft hyphens dropped."""
    if "\u200b" in text or "\ufeff" in text or "\u00ad" in text:
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


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
