"""JSON-LD, read tolerantly: broken scripts repaired where cheap, nodes flattened, values read as text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .text import clean, unescape

URLISH = re.compile(r"^(?:https?:)?//|^www\.|^[\w.-]+\.[a-z]{2,}/", re.I)
_JSON_COMMENT = re.compile(r"<!--|-->|^[^\S\n]*//[^\n]*$", re.M)

_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: schema.org types of an article proper, and of other content a page can be about.
_ARTICLE_TYPES = re.compile(r"article|posting|report|review|liveblog|scholarly|opinion|analysis", re.I)
_CONTENT_TYPES = re.compile(
    r"creativework|recipe|howto|video|podcast|episode|chapter|book|movie|course|event|qapage|question", re.I
)

_PAGE_TYPES = re.compile(r"^(?:webpage|collectionpage|itempage|aboutpage|profilepage|searchresultspage)$", re.I)
_MAX_JSONLD_CHARS = 2_000_000

_MAX_JSONLD_NODES = 5_000


def parse_jsonld(text: str) -> list[dict[str, Any]]:
    """Every JSON object in one ld+json script, flattened; [] when nothing parses."""
    if not text.strip() or len(text) > _MAX_JSONLD_CHARS:
        return []
    text = _CDATA.sub("", text)
    values, complete = _decode_all(text)
    if not complete:
        repaired, _ = _decode_all(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", _JSON_COMMENT.sub("", text))))
        if len(repaired) > len(values):
            values = repaired
    nodes: list[dict[str, Any]] = []
    for value in values:
        _flatten(value, nodes, 0)
    return nodes


def _decode_all(text: str) -> tuple[list[Any], bool]:
    """Decode JSON values laid end to end (some pages concatenate them); and whether all parsed."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values, False
        values.append(value)
    return values, True


def _flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    """Collect typed nodes from lists, ``@graph`` and ``mainEntity``, with depth and count capped."""
    if depth > 6 or len(out) >= _MAX_JSONLD_NODES:
        return
    if isinstance(value, list):
        for item in value:
            _flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, (list, dict)):
            _flatten(graph, out, depth + 1)
        if "@type" in value or "headline" in value:
            out.append(value)
        main = value.get("mainEntity")
        if isinstance(main, dict) and "@type" in main:
            _flatten(main, out, depth + 1)


def ld_types(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values without any vocabulary prefix."""
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return [t.rsplit("/", 1)[-1] for t in items if isinstance(t, str)]


def is_article(node: dict[str, Any]) -> bool:
    """True for articles, blog posts, reports, reviews and other written pieces."""
    return any(_ARTICLE_TYPES.search(t) for t in ld_types(node))


def is_content(node: dict[str, Any]) -> bool:
    """True for other things a page can be about: videos, recipes, books, events."""
    return any(_CONTENT_TYPES.search(t) for t in ld_types(node))


def is_page(node: dict[str, Any]) -> bool:
    """True for nodes that describe the web page as such (WebPage and its kinds)."""
    return any(_PAGE_TYPES.match(t) for t in ld_types(node))


def _ld_first(value: Any, leaf: Callable[[Any], str], keys: tuple[str, ...]) -> str:
    """The first non-empty ``leaf`` of a JSON-LD value: lists give their first hit, objects their first key present."""
    if isinstance(value, list):
        return next((found for item in value if (found := _ld_first(item, leaf, keys))), "")
    if isinstance(value, dict):
        key = next((key for key in keys if key in value), None)
        return _ld_first(value[key], leaf, keys) if key is not None else ""
    return leaf(value)


def _text_leaf(value: Any) -> str:
    if isinstance(value, str):
        return clean(unescape(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def ld_text(value: Any) -> str:
    """A plain string out of a JSON-LD value that may be a string, list or {"@value"}."""
    return _ld_first(value, _text_leaf, ("@value", "name", "text"))


def deref(value: Any, ids: dict[str, dict[str, Any]]) -> Any:
    """The node that a bare ``{"@id": ...}`` reference points to, when the page defines it."""
    if isinstance(value, dict) and "name" not in value:
        ref = value.get("@id")
        if isinstance(ref, str) and ref in ids:
            return ids[ref]
    return value


def ld_names(value: Any, ids: dict[str, dict[str, Any]], depth: int = 0) -> list[str]:
    """Person or organisation names out of an ``author``-like JSON-LD value."""
    if depth > 4:
        return []
    value = deref(value, ids)
    if isinstance(value, str):
        text = clean(unescape(value))
        return [] if not text or URLISH.match(text) else [text]
    if isinstance(value, list):
        return [n for item in value for n in ld_names(item, ids, depth + 1)]
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and ("givenName" in value or "familyName" in value):
            name = f"{ld_text(value.get('givenName'))} {ld_text(value.get('familyName'))}"
        return ld_names(name, ids, depth + 1) if name is not None else []
    return []


def ld_url(value: Any) -> str:
    """A URL out of a JSON-LD value that may be a string, a list or an ImageObject."""
    return _ld_first(value, lambda leaf: leaf.strip() if isinstance(leaf, str) else "", ("url", "contentUrl", "@id"))
