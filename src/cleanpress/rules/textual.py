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
from dataclasses import dataclass, field

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
    pattern: regex.Pattern[str]
    #: Case-folded words one of which a block must contain to match; None for
    #: whole-block rules, which ``_whole_possible`` gates more cheaply.
    gate: tuple[str, ...] | None
    #: For a gated rule, each phrase on its own with its own gate words: a block
    #: that passes the rule's gate is searched only for the phrases it could hold.
    phrases: tuple[tuple[tuple[str, ...], regex.Pattern[str]], ...] = ()
    #: Gate word -> the positions in ``phrases`` of the phrases it gates.
    by_word: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def search(self, text: str, present: frozenset[str]) -> bool:
        """Whether the rule matches ``text``, as ``pattern.search`` would say (``present``: ``gate_words_in(text)``).

        A gated rule needs one of its gate words, then is searched only for
        the phrases whose own words the block holds.
        """
        if self.gate is None:
            return self.pattern.search(text) is not None
        if present.isdisjoint(self.gate):
            return False
        possible = {index for word in present for index in self.by_word.get(word, ())}
        return any(self.phrases[index][1].search(text) is not None for index in possible)


def _by_word(phrases: tuple[tuple[tuple[str, ...], regex.Pattern[str]], ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, tuple[int, ...]] = {}
    for position, (words, _) in enumerate(phrases):
        for word in words:
            index[word] = (*index.get(word, ()), position)
    return index


def _fragments(rule_id: str) -> list[str]:
    return [f for table in LANGUAGES.values() for f in table.get(rule_id, ())]


def _compile(rule_id: str, whole: bool) -> regex.Pattern[str]:
    fragments = _fragments(rule_id)
    if whole:
        return _anchored_union(fragments)
    return regex.compile("|".join(f"(?:{f})" for f in fragments), regex.IGNORECASE | regex.VERSION0)


def _anchored_union(fragments: list[str]) -> regex.Pattern[str]:
    """Fragments that must make up the whole block, give or take punctuation and spaces around them."""
    return regex.compile(rf"^[\s\W]*(?:{'|'.join(f'(?:{f})' for f in fragments)}){_TRAILING}$",
                         regex.IGNORECASE | regex.VERSION0)


def _phrases(rule_id: str) -> tuple[tuple[tuple[str, ...], regex.Pattern[str]], ...]:
    """Each fragment of a phrase rule with its gate words; () when some fragment has none."""
    fragments = _fragments(rule_id)
    gates = [gate_words([fragment]) for fragment in fragments]
    if any(gate is None for gate in gates):
        return ()
    return tuple((gate, regex.compile(fragment, regex.IGNORECASE | regex.VERSION0))
                 for gate, fragment in zip(gates, fragments) if gate is not None)


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
    if whole:
        return TextRule(rule_id, kind, True, max_chars, _compile(rule_id, True), None)
    phrases = _phrases(rule_id)
    return TextRule(rule_id, kind, False, max_chars, _compile(rule_id, False), gate_words(_fragments(rule_id)),
                    phrases, _by_word(phrases))


TEXT_RULES: tuple[TextRule, ...] = tuple(_rule(rule_id, kind, whole, max_chars)
                                         for rule_id, kind, whole, max_chars, _ in _TABLE)
for _id, _kind, _whole, _max, _doc in _TABLE:
    register(_id, _kind, _doc, family="textual", stage="textual")
_LONGEST = max(rule.max_chars for rule in TEXT_RULES)
# The rules of each sort, in priority order: a block that only one sort can match tries only those.
_WHOLE_RULES = tuple(rule for rule in TEXT_RULES if rule.whole)
_PHRASE_RULES = tuple(rule for rule in TEXT_RULES if not rule.whole)
_UNGATED_PHRASES = any(rule.gate is None for rule in _PHRASE_RULES)
_LONGEST_WHOLE = max(rule.max_chars for rule in TEXT_RULES if rule.whole)
_PHRASE_MIN = 12
# Whole-block fragments by the (case-folded) character a match can start with (or DIGIT
# or SPACE for any digit or whitespace); those that can start with anything are tried on
# every block that holds one of their gate words.
_WHOLE_BY_START: dict[str, list[str]] = {}
_WHOLE_ANY_START: list[str] = []
# The rules whose fragments each of those holds.
_RULES_BY_START: dict[str, frozenset[str]] = {}
_ANY_START_RULES: frozenset[str] = frozenset()
for _rule_id, _fragment in ((rule.id, f) for rule in TEXT_RULES if rule.whole for f in _fragments(rule.id)):
    _starts = first_characters(_fragment)
    if _starts is None:
        _WHOLE_ANY_START.append(_fragment)
        _ANY_START_RULES |= {_rule_id}
    else:
        for _key in {fold(char) for char in _starts}:
            _WHOLE_BY_START.setdefault(_key, []).append(_fragment)
            _RULES_BY_START[_key] = _RULES_BY_START.get(_key, frozenset()) | {_rule_id}
_LEADING = regex.compile(r"[\s\W]*", regex.IGNORECASE | regex.VERSION0)


_ANY_START_UNION = _anchored_union(_WHOLE_ANY_START)
_ANY_START_GATE = gate_words(_WHOLE_ANY_START)


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
        *((_ANY_START_GATE or ()) if shorter < _LONGEST_WHOLE else ()),
    })


# (longest block, finder) per band of block lengths, shortest first; the bands end at the rules'
# own limits, so every block of a band is tested by the same rules.
_BAND_ENDS = sorted({rule.max_chars for rule in _PHRASE_RULES} | {_LONGEST_WHOLE})
_GATE_FINDERS = tuple((end, _gate_finder(start)) for start, end in zip([0, *_BAND_ENDS], _BAND_ENDS))
# One anchored union per start character, compiled here so that extraction never compiles.
_UNION_BY_START = {key: _anchored_union(fragments) for key, fragments in _WHOLE_BY_START.items()}


def gate_words_in(text: str) -> frozenset[str]:
    """The gate words that occur in ``text`` (case-folded first), of the rules that test blocks that long."""
    length = len(text)
    for longest, finder in _GATE_FINDERS:
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
    possible: frozenset[str] = frozenset()
    if (_ANY_START_GATE is None or not present.isdisjoint(_ANY_START_GATE)) and _ANY_START_UNION.match(text):
        possible = _ANY_START_RULES
    lead = _LEADING.match(text)
    end = lead.end() if lead is not None else 0
    keys = {fold(char) for char in text[:end + 1]}
    if end:  # spaces can only come before the first letter or digit
        keys.add(SPACE)
    first = text[end:end + 1]
    if first and (first.isdigit() or not first.isascii()):  # any digit outside ASCII, too
        keys.add(DIGIT)
    for key in keys:
        union = _UNION_BY_START.get(key)
        if union is not None and union.match(text):
            possible = possible | _RULES_BY_START[key]
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
        phrase_possible = length >= _PHRASE_MIN and (bool(present) or _UNGATED_PHRASES)
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
