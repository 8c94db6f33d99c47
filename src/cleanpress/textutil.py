"""Small text helpers shared by every stage: one normalisation everywhere."""

from __future__ import annotations


from lxml import etree
from lxml.html import HtmlElement

from .tags import INLINE_TAGS

_INVISIBLE_SPACES = str.maketrans({"\u200b": " ", "\ufeff": " "})


def collapse(text: str) -> str:
    """Whitespace runs (including no-break and zero-width spaces) to one space, stripped."""
    if "\u200b" in text or "\ufeff" in text:
        text = text.translate(_INVISIBLE_SPACES)
    return " ".join(text.split())


def element_text(element: object) -> str:
    """The collapsed text content of an lxml element (tails excluded)."""
    return collapse("".join(element.itertext()))  # type: ignore[attr-defined]


def spaced_text(element: HtmlElement) -> str:
    """Collapsed text with a space at every block boundary and <br>, so "World</li><li>Business" stays two words."""
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag
        if event == "start":
            if tag == "br" or (isinstance(tag, str) and tag not in INLINE_TAGS):
                pieces.append(" ")
            if node.text and isinstance(tag, str):
                pieces.append(node.text)
        else:
            if isinstance(tag, str) and tag not in INLINE_TAGS:
                pieces.append(" ")
            if node is not element and node.tail:
                pieces.append(node.tail)
    return collapse("".join(pieces))
