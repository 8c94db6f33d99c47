"""What a caller can change: rule switches, own rules, output choices, limits.

Options are frozen and validated once, when built, so a bad rule id or an
unparsable selector fails loudly at the call site instead of silently doing
nothing on a million pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

import regex

from .errors import OptionsError


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits; past one, :func:`extract` raises a :class:`LimitExceeded`.

    With ``truncate=True`` an oversize page is instead cut to its first
    ``max_bytes`` (and parsing stops at ``max_nodes`` elements), and the result
    has ``truncated=True``. Nesting deeper than ``max_depth`` raises
    :class:`TooDeep`; with ``truncate=True`` the extra nesting is flattened (its
    text kept) and the result is marked truncated. Nothing recurses over the tree.
    """

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 4096
    max_nodes: int = 2_000_000
    truncate: bool = False


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """A caller's textual rule: blocks whose text matches ``pattern`` go.

    ``pattern`` is a ``regex`` pattern searched case-insensitively in the
    whitespace-collapsed text of short blocks (under ``max_chars``).
    """

    id: str
    pattern: str
    kind: str = "user-rule"
    max_chars: int = 400


@dataclass(frozen=True, slots=True)
class SelectorRule:
    """A caller's structural rule: elements matching the CSS ``selector`` go."""

    id: str
    selector: str
    kind: str = "user-rule"


@dataclass(frozen=True, slots=True)
class Options:
    """Everything :func:`cleanpress.extract` can be told.

    ``disabled_rules`` holds rule ids (see ``cleanpress.rules.RULES``) or a
    prefix ending in ``*`` such as ``"text.*"``. ``html=False`` and
    ``markdown=False`` leave those renderings out (``Article.html``,
    ``Article.markdown`` and each Block's stay empty): a caller who reads only
    the text saves the time that rendering takes (8-18% of extraction on the benchmark corpora).
    """

    disabled_rules: frozenset[str] = frozenset()
    extra_rules: tuple[PhraseRule | SelectorRule, ...] = ()
    keep_captions: bool = False
    keep_tables: bool = True
    keep_links: bool = True
    keep_images: bool = True
    html: bool = True
    markdown: bool = True
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if isinstance(self.disabled_rules, str):
            raise OptionsError("disabled_rules takes a collection of rule ids, not one string")
        object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))
        object.__setattr__(self, "extra_rules", tuple(self.extra_rules))
        for rule in self.extra_rules:
            _validate_rule(rule)

    def rule_enabled(self, rule_id: str) -> bool:
        """False when the caller switched this rule (or its family) off."""
        if rule_id in self.disabled_rules:
            return False
        return not any(
            off.endswith("*") and rule_id.startswith(off[:-1]) for off in self.disabled_rules
        )

    def with_overrides(self, overrides: dict[str, Any]) -> Options:
        """A copy with the given fields changed; unknown names are an error."""
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise OptionsError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(self, **overrides)


DEFAULT_OPTIONS = Options()


def _validate_rule(rule: object) -> None:
    if isinstance(rule, PhraseRule):
        try:
            regex.compile(rule.pattern)
        except regex.error as exc:
            raise OptionsError(f"phrase rule {rule.id!r}: bad pattern: {exc}") from exc
    elif isinstance(rule, SelectorRule):
        from lxml.cssselect import CSSSelector, SelectorError

        try:
            CSSSelector(rule.selector)
        except SelectorError as exc:
            raise OptionsError(f"selector rule {rule.id!r}: bad selector: {exc}") from exc
    else:
        raise OptionsError(f"extra_rules takes PhraseRule or SelectorRule, not {type(rule).__name__}")
