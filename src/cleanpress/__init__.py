"""cleanpress: the article, the whole article, and nothing but the article.

The one entry point is :func:`extract`; everything else here is the types it
takes and returns. See README.md for the pipeline and the rule vocabulary.
"""

from __future__ import annotations

from ._pipeline import extract
from .article import BLOCK_KINDS, REMOVAL_KINDS, Article, Block, Removal
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
]
