"""Small string helpers of the metadata stage: cleaning, folding, comparing and joining values."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

from ..decode import clean_text

_WS = re.compile(r"\s+")
WORD = re.compile(r"\w+")


def clean(text: str | None) -> str:
    """Controls and lone surrogates out (JSON-LD escapes can carry them), whitespace collapsed, trimmed."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text:
        # Most values: no controls, no whitespace but single spaces (all other is unprintable), so
        # nothing for clean_text or the collapse to replace.
        return text.strip()
    return _WS.sub(" ", clean_text(text)).strip()


def unescape(text: str) -> str:
    """Decode entities that pages escaped twice (``&amp;amp;``) in attribute values."""
    return html.unescape(text) if "&" in text else text


def word_count(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


def similar(a: str, b: str) -> float:
    """How much of ``b`` (by characters of its words) is made of words of ``a``: 0 to 1."""
    words_a = set(WORD.findall(a.casefold()))
    words_b = WORD.findall(b.casefold())
    total = sum(len(w) for w in words_b)
    if not total:
        return 0.0
    return sum(len(w) for w in words_b if w in words_a) / total


def dedupe(items: Iterable[str]) -> list[str]:
    """Drop case-insensitive repeats and empties, keeping the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def join_url(base: str, href: str) -> str:
    """``href`` made absolute against ``base``; "" unless the result is http(s)."""
    href = href.strip()
    if not href or href.startswith(("data:", "javascript:", "#")):
        return ""
    try:
        joined = urljoin(base, href) if base else href
        parts = urlsplit(joined)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return joined
