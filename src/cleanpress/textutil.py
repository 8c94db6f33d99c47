"""Small text helpers shared by every stage: one normalisation everywhere."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u00a0\u200b\u2009\u202f\ufeff]+")


def collapse(text: str) -> str:
    """Whitespace runs (including no-break and zero-width spaces) to one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def element_text(element: object) -> str:
    """The collapsed text content of an lxml element (tails excluded)."""
    return collapse("".join(element.itertext()))  # type: ignore[attr-defined]
