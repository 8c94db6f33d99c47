"""Runs the stages in order; the one place that knows the order.

TEMPORARY STUB: the real stages land in the next commits. The signatures of
``extract`` and ``trace`` are final.
"""

from __future__ import annotations

from typing import Any, Literal

from .article import Article, Block, Decision
from .errors import InputTypeError
from .options import DEFAULT_OPTIONS, Options

Format = Literal["auto", "html", "text"]


def extract(
    page: str | bytes,
    *,
    url: str | None = None,
    format: Format = "auto",
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Article:
    """Return the article in ``page`` (HTML bytes/str, or flattened page text)."""
    return trace(page, url=url, format=format, encoding=encoding, options=options, **overrides)[0]


def trace(
    page: str | bytes,
    *,
    url: str | None = None,
    format: Format = "auto",
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> tuple[Article, tuple[Decision, ...]]:
    """Like :func:`extract`, plus every candidate block and the decision on it."""
    if not isinstance(page, (str, bytes, bytearray, memoryview)):
        raise InputTypeError(f"page must be str or bytes, not {type(page).__name__}")
    (options or DEFAULT_OPTIONS).with_overrides(overrides)
    text = page if isinstance(page, str) else bytes(page).decode("utf-8", "replace")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    blocks = tuple(Block("paragraph", p) for p in paras)
    return Article(blocks=blocks, text="\n\n".join(paras), confidence=0.5 if paras else 0.0), ()
