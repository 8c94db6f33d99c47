"""What a caller can change: rule switches, own rules, output choices, limits.

Options are frozen and validated once, when built, so a bad rule id or an
unparsable selector fails loudly at the call site instead of silently doing
nothing on a million pages.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, fields, replace
from typing import Any

import regex

from .article import REMOVAL_KINDS
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

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_depth", "max_nodes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise OptionsError(f"Limits.{name} must be a positive whole number, not {value!r}")
        _check_flag("Limits.truncate", self.truncate)


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

    def __post_init__(self) -> None:
        _check_identity("phrase rule", self.id, self.kind)
        if not isinstance(self.pattern, str):
            raise OptionsError(f"phrase rule {self.id!r}: pattern must be a string, not {type(self.pattern).__name__}")
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise OptionsError(f"phrase rule {self.id!r}: max_chars must be a positive whole number, "
                               f"not {self.max_chars!r}")


@dataclass(frozen=True, slots=True)
class SelectorRule:
    """A caller's structural rule: elements matching the CSS ``selector`` go."""

    id: str
    selector: str
    kind: str = "user-rule"

    def __post_init__(self) -> None:
        _check_identity("selector rule", self.id, self.kind)
        if not isinstance(self.selector, str):
            raise OptionsError(f"selector rule {self.id!r}: selector must be a string, "
                               f"not {type(self.selector).__name__}")


@dataclass(frozen=True, slots=True)
class Options:
    """Everything :func:`cleanpress.extract` can be told.

    ``disabled_rules`` holds rule ids (see ``cleanpress.rules.RULES``) or a
    prefix ending in ``*`` such as ``"text.*"``. ``html=False`` and
    ``markdown=False`` leave those renderings out (``Article.html``,
    ``Article.markdown`` and each Block's stay empty): a caller who reads only
    the text saves the time that rendering takes (8-18% of extraction on the benchmark corpora).
    ``keep_comments=True`` keeps a page's reader comments (regions that
    ``struct.class-comments`` would remove) as ``comment`` blocks after the
    article, for callers who archive discussions; the article's own blocks,
    ``confidence`` and ``page_type`` are the same either way.
    """

    disabled_rules: frozenset[str] = frozenset()
    extra_rules: tuple[PhraseRule | SelectorRule, ...] = ()
    keep_captions: bool = False
    keep_comments: bool = False
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
        for name in ("keep_captions", "keep_comments", "keep_tables", "keep_links", "keep_images", "html", "markdown"):
            _check_flag(name, getattr(self, name))
        if not isinstance(self.limits, Limits):
            raise OptionsError(f"limits must be a cleanpress.Limits, not {type(self.limits).__name__}")
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


def known_encoding(label: str | None) -> bool:
    """True when ``label`` names a codec Python has (quotes and spaces around it allowed, as in headers)."""
    name = label.strip().strip("\"'").strip() if isinstance(label, str) else ""
    if not name:
        return False
    try:
        codecs.lookup(name)
    except (LookupError, ValueError):
        return False
    return True


def check_encoding(encoding: object) -> None:
    """A caller's encoding override must name a codec: a typo would silently fall back to detection."""
    if encoding is None or encoding == "":
        return
    if not isinstance(encoding, str):
        raise OptionsError(f"encoding must be a string such as 'utf-8', not {type(encoding).__name__}")
    if not known_encoding(encoding):
        raise OptionsError(f"unknown encoding {encoding!r}; give a codec name such as 'utf-8', "
                           "'cp1251' or 'shift_jis'")


def _check_flag(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise OptionsError(f"{name} must be True or False, not {value!r}")


def _check_identity(what: str, rule_id: object, kind: object) -> None:
    """A user rule needs an id to be switched off and reported by, and a kind from the vocabulary."""
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise OptionsError(f"{what} id must be a non-empty string, not {rule_id!r}")
    if kind not in REMOVAL_KINDS:
        raise OptionsError(f"{what} {rule_id!r}: unknown kind {kind!r}; known kinds: {', '.join(REMOVAL_KINDS)}")


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


DEFAULT_OPTIONS = Options()
