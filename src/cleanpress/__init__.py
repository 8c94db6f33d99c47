"""cleanpress: the article, the whole article, and nothing but the article.

The one entry point is :func:`extract`; everything else here is the types it
takes and returns. See README.md for the pipeline and the rule vocabulary.
"""

from __future__ import annotations

from typing import Any

from ._pipeline import extract, trace
from .article import BLOCK_KINDS, REMOVAL_KINDS, Article, Block, Decision, Removal
from .errors import (
    CleanpressError,
    InputTypeError,
    LimitExceeded,
    OptionsError,
    PageTooLarge,
    TooDeep,
    TooManyNodes,
)
from .options import Limits, Options, PhraseRule, SelectorRule

__version__ = "0.1.0"

__all__ = [
    "BLOCK_KINDS",
    "REMOVAL_KINDS",
    "Article",
    "Block",
    "Decision",
    "CleanpressError",
    "InputTypeError",
    "LimitExceeded",
    "Limits",
    "Options",
    "OptionsError",
    "PageTooLarge",
    "PhraseRule",
    "Removal",
    "SelectorRule",
    "TooDeep",
    "TooManyNodes",
    "extract",
    "extract_many",
    "read_warc",
    "trace",
]

# Batch helpers live in their own modules and load on first use, so that a
# plain ``import cleanpress`` stays cheap for single-page callers.
_LAZY = {"extract_many": "cleanpress.batch", "read_warc": "cleanpress.warc"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cleanpress' has no attribute {name!r}")
