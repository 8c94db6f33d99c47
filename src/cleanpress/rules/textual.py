"""Textual rules: phrase tables turned into one anchored pattern per rule.

A rule is tested only on short blocks (its ``max_chars``), never on long
prose, so an article *about* cookies or newsletters survives while the
newsletter box beside it goes. ``whole`` rules must match the entire block
(UI labels such as "Read more" or "Monthly"); the others may match anywhere
in a short block (a sign-up blurb, a paywall notice).

``label_sequence`` adds what single blocks cannot show: an appeal opener
("A Message from ...", "Dear readers,") takes the blocks after it down to
its payment widget, and a "Related" heading takes the link lists under it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from .. import thresholds as t
from ..article import Removal
from ..candidates import Candidate
from ..options import Options, PhraseRule
from .catalogue import register
from .literals import DIGIT, SPACE, WordFinder, first_characters, fold, gate_words
from .phrases import LANGUAGES

_TRAILING = r"[\s.!?:;,…»›>→|\-–—]*"


@dataclass(frozen=True, slots=True)
class TextRule:
    """A textual rule: the union of its phrases in every language."""

    id: str
    kind: str
    whole: bool
    max_chars: int
    #: The source of the union of its phrases, compiled on first use (:attr:`pattern`).
    source: str

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The union of its phrases (compiled once, when first asked for)."""
        return _regex(self.source)

    @property
    def gate(self) -> tuple[str, ...] | None:
        """Case-folded words one of which a block must contain to match; None for
        whole-block rules, which ``_whole_possible`` gates more cheaply."""
        return _gating(self.id, self.whole).gate

    @property
    def phrases(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        """For a gated rule, each phrase (its source) on its own with its own gate words: a block
        that passes the rule's gate is searched only for the phrases it could hold."""
        return _gating(self.id, self.whole).phrases

    @property
    def by_word(self) -> Mapping[str, tuple[int, ...]]:
        """Gate word -> the positions in ``phrases`` of the phrases it gates."""
        return _gating(self.id, self.whole).by_word

    def search(self, text: str, present: frozenset[str]) -> bool:
        """Whether the rule matches ``text``, as ``pattern.search`` would say (``present``: ``gate_words_in(text)``).

        A gated rule needs one of its gate words, then is searched only for
        the phrases whose own words the block holds.
        """
        gating = _gating(self.id, self.whole)
        if gating.gate is None:
            return self.pattern.search(text) is not None
        if present.isdisjoint(gating.gate):
            return False
        possible = {index for word in present for index in gating.by_word.get(word, ())}
        return any(_regex(gating.phrases[index][1]).search(text) is not None for index in possible)


class _Gating(NamedTuple):
    gate: tuple[str, ...] | None
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    by_word: Mapping[str, tuple[int, ...]]


@cache
def _gating(rule_id: str, whole: bool) -> _Gating:
    """A rule's gate words, read off its phrases on first use (reading them all cost import time)."""
    if whole:
        return _Gating(None, (), {})
    phrases = _phrases(rule_id)
    return _Gating(gate_words(_fragments(rule_id)), phrases, _by_word(phrases))


@cache
def _regex(source: str) -> regex.Pattern[str]:
    """``source`` compiled, the first time a block needs it.

    Compiling every union at import took most of ``import cleanpress`` (some
    400 ms) for a command that extracts one page in a few milliseconds; a page
    needs only the few unions its blocks' gates let through.
    """
    return regex.compile(source, regex.IGNORECASE | regex.VERSION0)


def _by_word(phrases: tuple[tuple[tuple[str, ...], str], ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, tuple[int, ...]] = {}
    for position, (words, _) in enumerate(phrases):
        for word in words:
            index[word] = (*index.get(word, ()), position)
    return index


def _fragments(rule_id: str) -> list[str]:
    return [f for table in LANGUAGES.values() for f in table.get(rule_id, ())]


def _union_source(rule_id: str, whole: bool) -> str:
    fragments = _fragments(rule_id)
    if whole:
        return _anchored_source(fragments)
    return "|".join(f"(?:{f})" for f in fragments)


def _anchored_source(fragments: list[str]) -> str:
    """Fragments that must make up the whole block, give or take punctuation and spaces around them."""
    return rf"^[\s\W]*(?:{'|'.join(f'(?:{f})' for f in fragments)}){_TRAILING}$"


def _anchored_union(fragments: list[str]) -> regex.Pattern[str]:
    return _regex(_anchored_source(fragments))


def _phrases(rule_id: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each fragment of a phrase rule with its gate words; () when some fragment has none."""
    fragments = _fragments(rule_id)
    gates = [gate_words([fragment]) for fragment in fragments]
    if any(gate is None for gate in gates):
        return ()
    return tuple((gate, fragment) for gate, fragment in zip(gates, fragments) if gate is not None)


# (id, kind, whole block?, longest block tested, why) in priority order.
_TABLE: tuple[tuple[str, str, bool, int, str], ...] = (
    ("text.appeal-opener", "donation-appeal", True, 400,
     "'A Message from ...', 'Dear readers,': opens an appeal that runs to its payment widget"),
    ("text.cookie", "cookie-notice", False, 600, "cookie and consent notices"),
    ("text.paywall", "paywall", False, 400, "'subscribe to continue reading' and other paywall notices"),
    ("text.newsletter", "newsletter-signup", False, 500, "newsletter sign-up blurbs and their small print"),
    ("text.donation", "donation-appeal", False, 300, "short pleas for donations or membership"),
    ("text.support-banner", "support-banner", True, 80, "'Support The ...!', 'Become a member'"),
    ("text.payment-widget", "payment-widget", True, 60, "amount and frequency buttons, 'Continue', payment methods"),
    ("text.remind-later", "payment-widget", True, 40, "'Remind me later' and other dismiss buttons of an appeal"),
    ("text.promo", "subscription-prompt", False, 220, "short promotions for the outlet's magazine, subscription or trial"),
    ("text.subscribe", "subscription-prompt", True, 60, "bare 'Subscribe' buttons and trial offers"),
    ("text.read-also", "read-more", True, 240, "'Read more: <headline>' teasers between paragraphs"),
    ("text.read-more", "read-more", True, 40, "'Read more', 'Continue reading' links"),
    ("text.related-heading", "related-links", True, 60, "'Related', 'More from ...' headings (take their link lists)"),
    ("text.share", "share-bar", True, 280, "share and follow buttons and prompts"),
    ("text.ad-label", "advertisement", True, 140, "'Advertisement', 'Anzeige' and other ad labels"),
    ("text.image-credit", "image-credit", True, 120, "photo credits: 'Photo: ...', 'Name / Agency'"),
    ("text.byline", "metadata", True, 240, "'By Jane Doe' lines repeated in the body"),
    ("text.dateline", "metadata", True, 90, "'Published ...', 'Updated ...' lines"),
    ("text.date-only", "metadata", True, 60, "a line that is only a date (the dateline)"),
    ("text.legal-links", "footer", True, 120, "'Privacy · Terms' rows of legal links"),
    ("text.comments", "comments", True, 60, "comment counters and 'Leave a reply' prompts"),
    ("text.copyright", "footer", True, 340, "copyright and 'all rights reserved' lines"),
    ("text.login", "navigation", True, 30, "log-in, search and menu labels"),
)


def _rule(rule_id: str, kind: str, whole: bool, max_chars: int) -> TextRule:
    return TextRule(rule_id, kind, whole, max_chars, _union_source(rule_id, whole))


TEXT_RULES: tuple[TextRule, ...] = tuple(_rule(rule_id, kind, whole, max_chars)
                                         for rule_id, kind, whole, max_chars, _ in _TABLE)
for _id, _kind, _whole, _max, _doc in _TABLE:
    register(_id, _kind, _doc, family="textual", stage="textual")
_LONGEST = max(rule.max_chars for rule in TEXT_RULES)
# The rules of each sort, in priority order: a block that only one sort can match tries only those.
_WHOLE_RULES = tuple(rule for rule in TEXT_RULES if rule.whole)
_PHRASE_RULES = tuple(rule for rule in TEXT_RULES if not rule.whole)


@cache
def _ungated_phrases() -> bool:
    """Whether some phrase rule has no gate words (then a block without any may still match)."""
    return any(rule.gate is None for rule in _PHRASE_RULES)


_LONGEST_WHOLE = max(rule.max_chars for rule in TEXT_RULES if rule.whole)
_PHRASE_MIN = 12
_LEADING = regex.compile(r"[\s\W]*", regex.IGNORECASE | regex.VERSION0)


class _WholeTables(NamedTuple):
    """The whole-block fragments sorted by what a match can start with, read off the fragments once."""

    #: One anchored union's source per (case-folded) start character, or DIGIT or SPACE for any digit or
    #: whitespace, compiled on first use (:func:`_regex`).
    union_by_start: dict[str, str]
    #: The rules whose fragments each of those holds.
    rules_by_start: dict[str, frozenset[str]]
    #: The union of the fragments that can start with anything, tried on every block that holds
    #: one of their gate words (``any_start_gate``), and their rules.
    any_start_source: str
    any_start_gate: tuple[str, ...] | None
    any_start_rules: frozenset[str]


@cache
def _whole_tables() -> _WholeTables:
    """Built on first use: reading every fragment's first characters cost import time a one-page run may not need."""
    by_start: dict[str, list[str]] = {}
    any_start: list[str] = []
    rules_by_start: dict[str, frozenset[str]] = {}
    any_start_rules: frozenset[str] = frozenset()
    for rule_id, fragment in ((rule.id, f) for rule in TEXT_RULES if rule.whole for f in _fragments(rule.id)):
        starts = first_characters(fragment)
        if starts is None:
            any_start.append(fragment)
            any_start_rules |= {rule_id}
        else:
            for key in {fold(char) for char in starts}:
                by_start.setdefault(key, []).append(fragment)
                rules_by_start[key] = rules_by_start.get(key, frozenset()) | {rule_id}
    return _WholeTables({key: _anchored_source(fragments) for key, fragments in by_start.items()},
                        rules_by_start, _anchored_source(any_start), gate_words(any_start), any_start_rules)


def _gate_finder(shorter: int) -> WordFinder:
    """The gate words that a block longer than ``shorter`` characters can be asked for, found in one scan.

    They are those of the phrase rules that test such blocks, and the
    whole-block words of ``_whole_possible`` while whole-block rules can match:
    a longer block needs fewer words, and the scan costs less with fewer.
    """
    rules = [rule for rule in _PHRASE_RULES if rule.max_chars > shorter]
    return WordFinder({
        *(word for rule in rules for word in rule.gate or ()),
        *(word for rule in rules for words, _ in rule.phrases for word in words),
        *((_whole_tables().any_start_gate or ()) if shorter < _LONGEST_WHOLE else ()),
    })


# The bands of block lengths, shortest first; they end at the rules' own limits, so every
# block of a band is tested by the same rules.
_BAND_ENDS = sorted({rule.max_chars for rule in _PHRASE_RULES} | {_LONGEST_WHOLE})


@cache
def _gate_finders() -> tuple[tuple[int, WordFinder], ...]:
    """(longest block, finder) per band, built on first use."""
    return tuple((end, _gate_finder(start)) for start, end in zip([0, *_BAND_ENDS], _BAND_ENDS))


def gate_words_in(text: str) -> frozenset[str]:
    """The gate words that occur in ``text`` (case-folded first), of the rules that test blocks that long."""
    length = len(text)
    for longest, finder in _gate_finders():
        if length <= longest:
            return finder.find(fold(text))
    return frozenset()


def _whole_possible(text: str, present: frozenset[str]) -> frozenset[str]:
    """The whole-block rules that could match ``text`` (``present``: ``gate_words_in(text)``); most blocks: none.

    The answer of one anchored union of every whole-block fragment, got more
    cheaply: a fragment starts at the block's first letter or digit, or within
    the spaces and punctuation before it, so only the fragments that can start
    with one of those characters are tried; those that can start with anything
    only when the block holds one of their gate words. Each union that matches
    names the rules of its fragments.
    """
    tables = _whole_tables()
    possible: frozenset[str] = frozenset()
    gate = tables.any_start_gate
    if (gate is None or not present.isdisjoint(gate)) and _regex(tables.any_start_source).match(text):
        possible = tables.any_start_rules
    lead = _LEADING.match(text)
    end = lead.end() if lead is not None else 0
    keys = {fold(char) for char in text[:end + 1]}
    if end:  # spaces can only come before the first letter or digit
        keys.add(SPACE)
    first = text[end:end + 1]
    if first and (first.isdigit() or not first.isascii()):  # any digit outside ASCII, too
        keys.add(DIGIT)
    for key in keys:
        union = tables.union_by_start.get(key)
        if union is not None and _regex(union).match(text):
            possible = possible | tables.rules_by_start[key]
    return possible


_BY_ID = {rule.id: rule for rule in TEXT_RULES}

# Words that keep an appeal going when no payment widget closes it.
_APPEAL_BODY = regex.compile(
    r"\b(?:support|donat|contribut|journalis|independent|subscri|member|help us|readers"
    r"|unterstütz|spende|journalismus|soutien|soutenez|don\b|apoy|donaci|periodismo"
    r"|поддерж|журналист|пожертв|wesprzyj|wsparci)",
    regex.IGNORECASE,
)


def match_text(text: str, options: Options) -> TextRule | PhraseRule | None:
    """The first enabled rule (built-in, then the caller's) matching ``text``.

    Cheap gates come first, because most blocks match nothing: whether any
    whole-block rule could match (``_whole_possible``), a minimum length for the
    phrase rules (no phrase of theirs is shorter), and each rule's gate words
    (a block without any of them cannot match its pattern).
    """
    length = len(text)
    if length <= _LONGEST:
        present = gate_words_in(text)
        whole = _whole_possible(text, present) if length <= _LONGEST_WHOLE else frozenset()
        # a phrase rule needs one of its gate words, unless some phrase rule has none
        phrase_possible = length >= _PHRASE_MIN and (bool(present) or _ungated_phrases())
        if whole or phrase_possible:
            enabled = options.rule_enabled if options.disabled_rules else None
            rules = TEXT_RULES if whole and phrase_possible else _WHOLE_RULES if whole else _PHRASE_RULES
            for rule in rules:
                if length > rule.max_chars:
                    continue
                if enabled is not None and not enabled(rule.id):
                    continue
                # a whole-block rule is tried only when a union of its fragments matched
                if (not rule.whole or rule.id in whole) and rule.search(text, present):
                    return rule
    for user_rule in options.extra_rules:
        if (isinstance(user_rule, PhraseRule) and length <= user_rule.max_chars
                and options.rule_enabled(user_rule.id)
                and regex.search(user_rule.pattern, text, regex.IGNORECASE)):
            return user_rule
    return None


_APPEAL_KIND = "donation-appeal"
_APPEAL_RULES = tuple(rule for rule in TEXT_RULES if rule.kind == _APPEAL_KIND)


def may_name_appeal(text: str, options: Options) -> bool:
    """False when :func:`match_text` certainly does not name ``text`` a donation appeal.

    Cheaper than asking it: only the appeal rules themselves are tried (a
    caller's rule of that kind makes the answer True).
    """
    if any(isinstance(rule, PhraseRule) and rule.kind == _APPEAL_KIND for rule in options.extra_rules):
        return True
    length = len(text)
    rules = [rule for rule in _APPEAL_RULES if length <= rule.max_chars]
    present = gate_words_in(text) if any(rule.gate is not None for rule in rules) else frozenset()
    return any(rule.search(text, present) for rule in rules)


def _remove(candidate: Candidate, kind: str, rule_id: str) -> None:
    if candidate.removal is None:
        candidate.removal = Removal(kind, rule_id, candidate.text)


def label_sequence(candidates: Sequence[Candidate], options: Options) -> None:
    """Label every candidate that a textual rule removes, in place."""
    widget_ids = ("text.payment-widget", "text.remind-later")
    index = 0
    while index < len(candidates):
        candidate = candidates[index]
        index += 1
        if candidate.removal is not None:
            continue
        rule = match_text(candidate.text, options)
        if rule is None:
            continue
        _remove(candidate, rule.kind, rule.id)
        if rule.id == "text.appeal-opener":
            index = _take_appeal(candidates, index, options, widget_ids)
        elif rule.id == "text.related-heading":
            while index < len(candidates) and _is_link_list(candidates[index]):
                _remove(candidates[index], "related-links", rule.id)
                index += 1


def _take_appeal(candidates: Sequence[Candidate], start: int, options: Options,
                 widget_ids: tuple[str, ...]) -> int:
    """Remove an appeal's body from ``start``; return the index after it."""
    reach = candidates[start:start + t.APPEAL_REACH]
    last_widget = -1
    for offset, candidate in enumerate(reach):
        if any(_rule_matches(widget_id, candidate.text, options) for widget_id in widget_ids) or (
                candidate.removal is not None and candidate.removal.kind == "payment-widget"):
            last_widget = offset
    if last_widget < 0:
        end = start
        while end < len(candidates) and end - start < t.APPEAL_BODY_REACH and _APPEAL_BODY.search(candidates[end].text):
            end += 1
    else:
        end = start + last_widget + 1
    for candidate in candidates[start:end]:
        widget = next((wid for wid in widget_ids if _rule_matches(wid, candidate.text, options)), None)
        if widget is not None:
            _remove(candidate, "payment-widget", widget)
        else:
            _remove(candidate, "donation-appeal", "text.appeal-opener")
    return end


def _rule_matches(rule_id: str, text: str, options: Options) -> bool:
    rule = _BY_ID[rule_id]
    return len(text) <= rule.max_chars and options.rule_enabled(rule_id) and bool(rule.pattern.search(text))


def _is_link_list(candidate: Candidate) -> bool:
    return candidate.removal is None and candidate.kind in ("list", "paragraph") and candidate.link_density > t.LINKS_MOSTLY
