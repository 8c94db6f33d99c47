"""Exceptions that cleanpress raises on purpose.

Every one derives from :class:`CleanpressError`, so a pipeline can catch the
library's deliberate refusals with one ``except`` clause and still let real
bugs surface::

    CleanpressError
    ├── InputTypeError   (also a TypeError)   page is neither str nor bytes
    ├── OptionsError     (also a ValueError)  an option or user rule is malformed
    └── LimitExceeded    (also a ValueError)  the page is past a size limit
        ├── PageTooLarge                      more bytes/characters than Limits.max_bytes
        ├── TooDeep                           nesting deeper than Limits.max_depth
        └── TooManyNodes                      more elements than Limits.max_nodes
"""

from __future__ import annotations


class CleanpressError(Exception):
    """Base class of every exception cleanpress raises deliberately."""


class InputTypeError(CleanpressError, TypeError):
    """The page was not ``str`` or ``bytes``."""


class OptionsError(CleanpressError, ValueError):
    """An option, a rule id or a user rule was not understood."""


class LimitExceeded(CleanpressError, ValueError):
    """The page is past one of the configured :class:`~cleanpress.Limits`."""

    def __init__(self, message: str, *, limit: str, value: int, maximum: int) -> None:
        super().__init__(message)
        self.limit = limit
        self.value = value
        self.maximum = maximum


class PageTooLarge(LimitExceeded):
    """The page holds more bytes (or characters) than ``Limits.max_bytes``."""


class TooDeep(LimitExceeded):
    """Elements nest deeper than ``Limits.max_depth``."""


class TooManyNodes(LimitExceeded):
    """The page has more elements than ``Limits.max_nodes``."""
